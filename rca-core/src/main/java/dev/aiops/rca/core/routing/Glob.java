package dev.aiops.rca.core.routing;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A name pattern as people write them in a routes file: {@code *} any run of characters, {@code ?} one character,
 * everything else literal, case ignored (job names are written in several cases across workspaces and factories).
 */
public record Glob(String text, Pattern pattern) {

  public Glob {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(pattern, "pattern");
  }

  public static Glob of(String text) {
    Objects.requireNonNull(text, "text");
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '*' || c == '?') {
        regex.append(Pattern.quote(literal.toString()));
        literal.setLength(0);
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    return new Glob(text, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
        | Pattern.DOTALL));
  }

  public boolean matches(String value) {
    return pattern.matcher(value).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
