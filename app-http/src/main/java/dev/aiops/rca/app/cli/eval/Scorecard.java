package dev.aiops.rca.app.cli.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The scores of a set of cases: headline rates, per-category rates and the misses. */
public record Scorecard(List<Scorer.CaseScore> cases) {

  public Scorecard {
    cases = List.copyOf(cases);
  }

  public double full() {
    return rate(Scorer.CaseScore::full);
  }

  public double category() {
    return rate(Scorer.CaseScore::category);
  }

  public double rootError() {
    return rate(Scorer.CaseScore::rootError);
  }

  public double rootErrorStrict() {
    return rate(Scorer.CaseScore::rootErrorStrict);
  }

  public double mustMention() {
    return rate(Scorer.CaseScore::mustMention);
  }

  public double failedTask() {
    return rate(Scorer.CaseScore::failedTask);
  }

  public double mentionStrings() {
    int total = cases.stream().mapToInt(Scorer.CaseScore::mentionsTotal).sum();
    int found = cases.stream().mapToInt(Scorer.CaseScore::mentionsFound).sum();
    return total == 0 ? 0 : 100.0 * found / total;
  }

  private double rate(Predicate<Scorer.CaseScore> check) {
    return cases.isEmpty() ? 0 : 100.0 * cases.stream().filter(check).count() / cases.size();
  }

  /** The share of correct categories that the hand-written signatures (layer 1) decided, in percent. */
  public double signatureShare() {
    long correct = cases.stream().filter(Scorer.CaseScore::category).count();
    long bySignature = cases.stream().filter(Scorer.CaseScore::category).filter(c -> c.layer().equals("1")).count();
    return correct == 0 ? 0 : 100.0 * bySignature / correct;
  }

  /** The table, the layer of each case, the per-layer table, the misses and, last, the one-line summary. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-26s %5s %6s %8s %6s %8s %6s%n",
        "category", "cases", "full", "category", "root", "mention", "task"));
    Map<String, List<Scorer.CaseScore>> byCategory = new TreeMap<>(
        cases.stream().collect(Collectors.groupingBy(Scorer.CaseScore::expectedCategory)));
    byCategory.forEach((name, scores) -> {
      Scorecard sub = new Scorecard(scores);
      out.append(String.format(Locale.ROOT, "%-26s %5d %5.0f%% %7.0f%% %5.0f%% %7.0f%% %5.0f%%%n", name,
          scores.size(), sub.full(), sub.category(), sub.rootError(), sub.mustMention(), sub.failedTask()));
    });
    out.append(String.format(Locale.ROOT, "%-26s %5d %5.1f%% %7.1f%% %5.1f%% %7.1f%% %5.1f%%%n", "ALL",
        cases.size(), full(), category(), rootError(), mustMention(), failedTask()));
    out.append(System.lineSeparator()).append("layer per case:").append(System.lineSeparator());
    for (Scorer.CaseScore c : cases) {
      out.append(String.format(Locale.ROOT, "  %-5s %-4s %-55s %s%n", c.category() ? "ok" : "MISS", c.layer(),
          c.id(), shorten(c.basis())));
    }
    out.append(System.lineSeparator()).append(layerTable());
    List<Scorer.CaseScore> misses = cases.stream().filter(c -> !c.full() || !c.failedTask()).toList();
    if (!misses.isEmpty()) {
      out.append(System.lineSeparator()).append("misses:").append(System.lineSeparator());
      for (Scorer.CaseScore miss : misses) {
        out.append("  ").append(miss.id()).append(':');
        if (!miss.category()) {
          out.append(" category ").append(miss.predictedCategory()).append(" (expected ")
              .append(miss.expectedCategory()).append(')');
        }
        if (!miss.rootError()) {
          out.append(" root \"").append(shorten(miss.predictedRoot())).append("\" (expected \"")
              .append(shorten(miss.expectedRoot())).append("\")");
        }
        if (!miss.mustMention()) {
          out.append(" missing ").append(miss.missing());
        }
        if (!miss.failedTask()) {
          out.append(" task \"").append(miss.predictedTask()).append("\" (expected \"").append(miss.expectedTask())
              .append("\")");
        }
        out.append(System.lineSeparator());
      }
    }
    out.append(System.lineSeparator()).append(summary()).append(System.lineSeparator());
    return out.toString();
  }

  /** Per layer: how many cases it decided, how many of those were right, and its share of all right answers. */
  public String layerTable() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-6s %8s %8s %16s%n", "layer", "decided",
        "correct", "share of correct"));
    long allCorrect = cases.stream().filter(Scorer.CaseScore::category).count();
    Map<String, List<Scorer.CaseScore>> byLayer = new TreeMap<>(
        cases.stream().collect(Collectors.groupingBy(Scorer.CaseScore::layer)));
    byLayer.forEach((layer, scores) -> {
      long correct = scores.stream().filter(Scorer.CaseScore::category).count();
      out.append(String.format(Locale.ROOT, "%-6s %8d %8d %15.1f%%%n", layer, scores.size(), correct,
          allCorrect == 0 ? 0 : 100.0 * correct / allCorrect));
    });
    return out.toString();
  }

  public String summary() {
    return String.format(Locale.ROOT,
        "summary: cases=%d full=%.1f%% category=%.1f%% root_error=%.1f%% root_error_strict=%.1f%% "
            + "must_mention=%.1f%% (strings %.1f%%) failed_task=%.1f%% signature_share=%.1f%%",
        cases.size(), full(), category(), rootError(), rootErrorStrict(), mustMention(), mentionStrings(),
        failedTask(), signatureShare());
  }

  private static String shorten(String text) {
    String one = text.replaceAll("\\s+", " ");
    return one.length() <= 120 ? one : one.substring(0, 120) + "…";
  }
}
