package dev.aiops.rca.app.logging;

/** Escapes the characters that could end a log line or drive a terminal: C0 and C1 controls, DEL, U+2028/9. */
public final class LogEscape {

  private LogEscape() {}

  /** {@code text} with CR, LF and tab as {@code \r \n \t}, the other unsafe characters as {@code \}{@code uXXXX}. */
  public static String escape(String text) {
    if (text == null || text.chars().noneMatch(LogEscape::unsafe)) {
      return text;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> escaped.append("\\r");
        case '\n' -> escaped.append("\\n");
        case '\t' -> escaped.append("\\t");
        default -> {
          if (unsafe(c)) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  // ESC (0x1b) starts ANSI sequences and 0x9b is their 8-bit form; U+2028/9 end a line for some log viewers.
  static boolean unsafe(int c) {
    return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029;
  }
}
