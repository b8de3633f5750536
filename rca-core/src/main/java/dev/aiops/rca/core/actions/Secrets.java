package dev.aiops.rca.core.actions;

import java.util.regex.Pattern;

/** Recognises text that looks like a credential, so that no action ever repeats one. */
final class Secrets {

  // Databricks PAT "dapi" + 32 hex, JWTs ("eyJ..." header), storage keys and SAS signatures, and long random-looking
  // tokens (40+ characters of base64 with upper case, lower case and digits, which names and paths rarely are).
  private static final Pattern KNOWN = Pattern.compile(
      "(?i)\\bdapi[0-9a-f]{20,}|\\beyJ[\\w-]{10,}\\.|\\b(?:sig|AccountKey|SharedAccessKey|password|pwd|client_secret)"
          + "\\s*[=:]\\s*[^\\s&;`]{4,}|\\bghp_[A-Za-z0-9]{20,}|\\bxox[bpa]-[\\w-]{10,}");
  private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9+_=-]{40,}");

  private Secrets() {}

  static boolean present(String text) {
    if (KNOWN.matcher(text).find()) {
      return true;
    }
    var m = LONG_TOKEN.matcher(text);
    while (m.find()) {
      String token = m.group();
      if (token.chars().anyMatch(Character::isUpperCase) && token.chars().anyMatch(Character::isLowerCase)
          && token.chars().anyMatch(Character::isDigit)) {
        return true;
      }
    }
    return false;
  }
}
