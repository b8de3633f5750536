package dev.aiops.rca.core.redaction;

/**
 * Bounds an over-long text: keeps the head and the tail, where causes and their final traces are, cut at line ends;
 * a private key split by the cut loses its orphaned half too.
 */
final class Truncation {

  private Truncation() {}

  /** The text if it has at most {@code max} characters, else its head and tail around a truncation marker. */
  static String bound(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int half = max / 2;
    int headEnd = lastBreakBefore(text, half, half / 10);
    int tailStart = firstBreakAfter(text, text.length() - half, half / 10);
    String tail = PrivateKeys.redactOrphanEnd(text.substring(tailStart));
    return text.substring(0, headEnd) + "\n[TRUNCATED:" + (tailStart - headEnd) + " chars]\n" + tail;
  }

  private static int lastBreakBefore(String text, int at, int window) {
    for (int i = at; i > at - window && i > 0; i--) {
      if (text.charAt(i - 1) == '\n') {
        return i;
      }
    }
    for (int i = at; i > at - window && i > 0; i--) {
      if (Character.isWhitespace(text.charAt(i - 1))) {
        return i;
      }
    }
    return at;
  }

  private static int firstBreakAfter(String text, int at, int window) {
    for (int i = at; i < at + window && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        return i + 1;
      }
    }
    for (int i = at; i < at + window && i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i + 1;
      }
    }
    return at;
  }
}
