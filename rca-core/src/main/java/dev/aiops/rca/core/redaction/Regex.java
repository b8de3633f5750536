package dev.aiops.rca.core.redaction;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Building blocks shared by the redaction passes: where a token may start, and replacement that skips cheaply. */
final class Regex {

  // "Starts a token": not preceded by a character of the class, or preceded by an escaped line break ("\n" in
  // JSON-in-JSON payloads), which would otherwise glue an 'n' to the secret.
  private static final String ESCAPED_BREAK = "(?<=\\\\[nrt])";

  private Regex() {}

  /** A lookbehind that lets a token start only where no character of the class precedes it. */
  static String start(String characterClass) {
    return "(?:(?<!" + characterClass + ")|" + ESCAPED_BREAK + ")";
  }

  // The gate is a literal every match contains: a cheap contains() spares a regex pass over most texts.
  static String replace(String text, Pattern pattern, String gate, Function<MatchResult, String> replacement) {
    return text.contains(gate) ? replace(text, pattern, replacement) : text;
  }

  static String replace(String text, Pattern pattern, Function<MatchResult, String> replacement) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    matcher.reset();
    return matcher.replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)));
  }
}
