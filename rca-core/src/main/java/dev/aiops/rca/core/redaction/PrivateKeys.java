package dev.aiops.rca.core.redaction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM private keys, whole or with their head lost to a truncation. */
final class PrivateKeys {

  private static final String KEY_NAME = "(?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----";
  // Base64 lines, PEM headers ("Proc-Type: 4,ENCRYPTED") and escaped line breaks; a key cut short by a truncation
  // ends where its characters do.
  private static final String KEY_BODY = "(?:[A-Za-z0-9+/=\\s:,.\\\\]|-(?!----)){0,20000}+";
  private static final Pattern PRIVATE_KEY = Pattern.compile(
      "-----BEGIN " + KEY_NAME + KEY_BODY + "(?:-----END " + KEY_NAME + ")?");
  private static final Pattern ORPHAN_KEY_END = Pattern.compile("\\A" + KEY_BODY + "-----END " + KEY_NAME);

  private PrivateKeys() {}

  /** The text with every private key, from its BEGIN line, replaced by its placeholder. */
  static String redact(String text) {
    return Regex.replace(text, PRIVATE_KEY, "PRIVATE KEY", m -> RedactionKind.PRIVATE_KEY.placeholder());
  }

  /** The tail of a truncated text, with the rest of a key whose BEGIN line was cut away replaced too. */
  static String redactOrphanEnd(String tail) {
    Matcher orphan = ORPHAN_KEY_END.matcher(tail);
    if (orphan.lookingAt() && !tail.substring(0, orphan.end()).contains("-----BEGIN")) {
      return RedactionKind.PRIVATE_KEY.placeholder() + tail.substring(orphan.end());
    }
    return tail;
  }
}
