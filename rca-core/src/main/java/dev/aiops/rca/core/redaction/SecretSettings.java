package dev.aiops.rca.core.redaction;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Settings named like secrets ({@code password=...}, {@code "api_key": "..."}): their values are masked whole. */
final class SecretSettings {

  private static final String PLACEHOLDER_START = "[REDACTED:";
  // Only the key and separator are matched; the value is read by hand so that a non-secret pair is skipped cheaply.
  private static final Pattern KEY_AND_SEPARATOR = Pattern.compile(Regex.start("[\\w.-]")
      + "(-{0,2}+[A-Za-z_][\\w.-]{0,120}+)(\\\\?[\"']?[ \\t]{0,3}+[:=][ \\t]{0,3}+)");

  private SecretSettings() {}

  /** The text with the value of every secret-named setting replaced by its placeholder. */
  static String redact(String text) {
    Matcher m = KEY_AND_SEPARATOR.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      from = m.end();
      Optional<RedactionKind> kind = kindOfName(m.group(1));
      if (kind.isEmpty()) {
        continue;
      }
      // JSON inside a JSON string escapes its quotes: {\"password\": \"...\"}.
      int quoteAt = text.startsWith("\\", from) ? from + 1 : from;
      boolean quoted = quoteAt < text.length() && isQuote(text.charAt(quoteAt));
      int valueStart = quoted ? quoteAt + 1 : from;
      int valueEnd = valueEnd(text, valueStart, quoted ? text.charAt(quoteAt) : 0);
      if (valueEnd <= valueStart || text.startsWith(PLACEHOLDER_START, valueStart)) {
        continue;
      }
      out.append(text, copied, valueStart).append(kind.get().placeholder());
      copied = valueEnd;
      from = valueEnd;
    }
    return copied == 0 ? text : out.append(text, copied, text.length()).toString();
  }

  // Where the value that starts at {@code start} ends (exclusive): at its closing quote (or the backslash that
  // escapes it), or, unquoted, at whitespace or a delimiter.
  private static int valueEnd(String text, int start, char quote) {
    int limit = Math.min(text.length(), start + 1024);
    int i = start;
    if (quote != 0) {
      while (i < limit && "\r\n\\".indexOf(text.charAt(i)) < 0 && text.charAt(i) != quote) {
        i++;
      }
      return i;
    }
    while (i < limit && !Character.isWhitespace(text.charAt(i)) && ",;&}<>)]\"'\\".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }

  /** Whether a setting of this name holds a secret, and which kind. */
  static Optional<RedactionKind> kindOfName(String name) {
    String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (n.isEmpty() || n.contains("tokens") || n.contains("tokeniz") || n.endsWith("length") || n.endsWith("count")
        || n.endsWith("expiry") || n.endsWith("expires") || n.endsWith("type")) {
      return Optional.empty();
    }
    if (n.contains("password") || n.contains("passwd") || n.endsWith("pwd") || n.equals("pass")
        || n.equals("passphrase")) {
      return Optional.of(RedactionKind.PASSWORD);
    }
    if (n.contains("clientsecret")) {
      return Optional.of(RedactionKind.CLIENT_SECRET);
    }
    if (n.contains("secret") || n.contains("token") || n.contains("apikey") || n.contains("accountkey")
        || n.contains("accesskey") || n.contains("privatekey") || n.contains("credential") || n.contains("sastoken")
        || n.contains("signingkey") || n.contains("encryptionkey") || n.equals("sig") || n.equals("auth")) {
      return Optional.of(RedactionKind.SECRET_SETTING);
    }
    return Optional.empty();
  }
}
