package dev.aiops.rca.app.cli.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Scores predictions against case labels exactly as eval/README.md describes. */
public final class Scorer {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The checks of one case. */
  public record CaseScore(String id, String expectedCategory, String predictedCategory, boolean category,
      boolean rootError, boolean rootErrorStrict, boolean mustMention, int mentionsFound, int mentionsTotal,
      boolean failedTask, List<String> missing, String predictedRoot, String expectedRoot,
      String predictedTask, String expectedTask, String layer, String basis) {

    public boolean full() {
      return category && rootError && mustMention;
    }
  }

  public CaseScore score(EvalCase.Expected expected, CaseAnalysis.Prediction prediction) {
    String category = prediction.analysis().category().name();
    String root = prediction.analysis().rootCauseLine();
    boolean rootMatch = rootMatches(expected.rootError(), root);
    boolean strict = rootMatch && normalize(root).length() >= 20;
    String rca = normalizeText(prediction.rca());
    List<String> missing = new ArrayList<>();
    for (String mention : expected.mustMention()) {
      if (!rca.contains(normalizeText(mention))) {
        missing.add(mention);
      }
    }
    return new CaseScore(prediction.id(), expected.category(), category, expected.category().equals(category),
        rootMatch, strict, missing.isEmpty(), expected.mustMention().size() - missing.size(),
        expected.mustMention().size(), expected.failedTask().strip().equals(prediction.analysis().failedTask().strip()),
        missing, root, expected.rootError(), prediction.analysis().failedTask(), expected.failedTask(),
        prediction.analysis().classification().layer().label(), prediction.analysis().classification().evidence());
  }

  static boolean rootMatches(String expected, String predicted) {
    String e = normalize(expected);
    String p = normalize(predicted);
    if (p.isEmpty() || e.isEmpty()) {
      return false;
    }
    return p.contains(e) || e.contains(p);
  }

  /** Lower case, whitespace collapsed, trimmed, surrounding quotes or backticks and a trailing period removed. */
  static String normalize(String text) {
    String s = normalizeText(text);
    boolean changed = true;
    while (changed && !s.isEmpty()) {
      changed = false;
      if (s.endsWith(".")) {
        s = s.substring(0, s.length() - 1).strip();
        changed = true;
      }
      if (s.length() >= 2 && isQuote(s.charAt(0)) && s.charAt(s.length() - 1) == s.charAt(0)) {
        s = s.substring(1, s.length() - 1).strip();
        changed = true;
      }
    }
    return s;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  static String normalizeText(String text) {
    return WHITESPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
