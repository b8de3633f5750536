package dev.aiops.rca.core.redaction;

import java.util.Optional;
import java.util.function.BinaryOperator;

/**
 * Rewrites the string values of a JSON text and keeps everything else as it was: keys, numbers, punctuation and
 * white space, so that a body stored redacted still reads as the same webhook.
 */
final class JsonStrings {

  private JsonStrings() {}

  /**
   * The text with {@code change} applied to the decoded value of every string that is not an object key, with the
   * key it stands under (for an array's items, the array's key; empty at the top), or empty when the text is not an
   * object or array whose strings all close.
   */
  static Optional<String> rewriteValues(String json, BinaryOperator<String> change) {
    String trimmed = json.strip();
    if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(json.length());
    String key = "";
    int i = 0;
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c != '"') {
        out.append(c);
        i++;
        continue;
      }
      StringBuilder value = new StringBuilder();
      int end = readString(json, i + 1, value);
      if (end < 0) {
        return Optional.empty();
      }
      String raw = json.substring(i, end + 1);
      if (isKey(json, end + 1)) {
        out.append(raw);
        key = value.toString();
      } else {
        String decoded = value.toString();
        String changed = change.apply(key, decoded);
        // An untouched value keeps its original spelling, escapes included.
        out.append(changed.equals(decoded) ? raw : quote(changed));
      }
      i = end + 1;
    }
    return Optional.of(out.toString());
  }

  /** Decodes the string starting after its opening quote into {@code value}; the closing quote's index, or -1. */
  private static int readString(String json, int from, StringBuilder value) {
    int i = from;
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c != '\\') {
        value.append(c);
        i++;
        continue;
      }
      if (i + 1 >= json.length()) {
        return -1;
      }
      char escaped = json.charAt(i + 1);
      switch (escaped) {
        case 'n' -> value.append('\n');
        case 't' -> value.append('\t');
        case 'r' -> value.append('\r');
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'u' -> {
          if (i + 6 > json.length()) {
            return -1;
          }
          try {
            value.append((char) Integer.parseInt(json.substring(i + 2, i + 6), 16));
          } catch (NumberFormatException e) {
            return -1;
          }
          i += 4;
        }
        default -> value.append(escaped);
      }
      i += 2;
    }
    return -1;
  }

  private static boolean isKey(String json, int after) {
    int i = after;
    while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
      i++;
    }
    return i < json.length() && json.charAt(i) == ':';
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
