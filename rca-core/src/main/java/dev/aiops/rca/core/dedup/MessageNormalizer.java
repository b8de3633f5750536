package dev.aiops.rca.core.dedup;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Replaces the volatile parts of an error message (ids, timestamps, numbers, hashes, dated path segments, IP
 * addresses) with placeholders, so that two runs of one failure read the same while different tables do not.
 */
final class MessageNormalizer {

  /** A volatile kind of value and what replaces it. */
  private record Rule(Pattern pattern, String replacement) {}

  private static final List<Rule> RULES = List.of(
      new Rule(Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"), "<uuid>"),
      new Rule(Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?Z?"), "<ts>"),
      new Rule(Pattern.compile("(?<=[/=])\\d{4}[-/]\\d{2}(?:[-/]\\d{2})?(?=[/_.]|$)"), "<date>"),
      new Rule(Pattern.compile("\\b(year|month|day|hour|date|dt)=\\d+"), "$1=<n>"),
      new Rule(Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b"), "<ip>"),
      new Rule(Pattern.compile("\\b(?=[0-9a-f]*\\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\\b"), "<hex>"),
      new Rule(Pattern.compile("\\b[a-z]*\\d[\\w-]*\\d{4}-\\d{6}-\\w{8}\\b|\\b\\d{4}-\\d{6}-\\w{8}\\b"), "<cluster>"),
      new Rule(Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w])"), "#"),
      new Rule(Pattern.compile("\\s+"), " "));

  private MessageNormalizer() {}

  static String normalize(String message) {
    String text = message;
    for (Rule rule : RULES) {
      text = rule.pattern().matcher(text).replaceAll(rule.replacement());
    }
    return text.strip().toLowerCase(Locale.ROOT);
  }
}
