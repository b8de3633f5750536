package dev.aiops.rca.core.redaction;

import java.util.regex.Pattern;

/** Row values that constraint and cast errors print (Postgres keys, failing rows, Delta constraint rows). */
final class DataValues {

  private static final Pattern QUOTED_VALUE = Pattern.compile(
      "(?i)(\\b(?:value|entry):?[ \\t]{1,3}+)(['\"])(?!\\[REDACTED:)([^'\"\\r\\n]{1,1024}+)\\2");
  // Row values, allowing one level of parentheses inside; possessive, so a repeated prefix cannot go quadratic.
  private static final String ROW = "((?:[^()\\r\\n]|\\([^()\\r\\n]{0,256}+\\)){1,2048}+)";
  private static final Pattern POSTGRES_KEY_VALUES = Pattern.compile(
      "(\\bKey \\([^)\\r\\n]{1,512}+\\)=\\()" + ROW + "(\\)[ \\t]{0,3}+(?:already exists|is not present"
          + "|is still referenced|conflicts))");
  private static final Pattern ROW_IN_PARENS = Pattern.compile(
      "(?i)(\\b(?:duplicate key value is|failing row contains)[ \\t]{0,3}+\\()" + ROW + "(\\))");
  private static final Pattern DELTA_ROW_VALUES = Pattern.compile(
      "(?i)violated by row with values:[ \\t]*+((?:(?:\\r?\\n|\\\\n)[ \\t]{0,8}+-[^\\r\\n\\\\]{0,1024}+){1,200}+)");
  private static final Pattern DELTA_COLUMN_VALUE =
      Pattern.compile("(-[ \\t]{0,3}+[^:\\r\\n\\\\]{1,256}+:)([^\\r\\n\\\\]++)");

  private DataValues() {}

  /** The text with every printed row value replaced by its placeholder. */
  static String redact(String text) {
    String out = Regex.replace(text, QUOTED_VALUE,
        m -> m.group(1) + m.group(2) + RedactionKind.DATA_VALUE.placeholder() + m.group(2));
    out = Regex.replace(out, POSTGRES_KEY_VALUES,
        m -> m.group(1) + RedactionKind.DATA_VALUE.placeholder() + m.group(3));
    out = Regex.replace(out, ROW_IN_PARENS, m -> m.group(1) + RedactionKind.DATA_VALUE.placeholder() + m.group(3));
    return Regex.replace(out, DELTA_ROW_VALUES, m -> m.group().substring(0, m.start(1) - m.start())
        + Regex.replace(m.group(1), DELTA_COLUMN_VALUE,
            c -> c.group(1) + " " + RedactionKind.DATA_VALUE.placeholder()));
  }
}
