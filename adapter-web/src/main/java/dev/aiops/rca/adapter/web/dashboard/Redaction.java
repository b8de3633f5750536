package dev.aiops.rca.adapter.web.dashboard;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks credentials that may sit in evidence before it is shown: defence in depth, in case a platform's error
 * text quoted a token or a connection string.
 */
final class Redaction {

  private record Rule(Pattern pattern, String replacement) {}

  private static final List<Rule> RULES = List.of(
      new Rule(Pattern.compile("(?i)\\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)"
          + "(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s;,&]+)"), "$1$2****"),
      new Rule(Pattern.compile("(?i)\\bBearer\\s+[A-Za-z0-9._~+/\\-]+=*"), "Bearer ****"),
      new Rule(Pattern.compile("\\bdapi[0-9a-f]{32}(-\\d)?\\b"), "dapi****"),
      new Rule(Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]+"), "xox?-****"),
      new Rule(Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{35}\\b"), "AIza****"),
      new Rule(Pattern.compile("(?i)(AccountKey|SharedAccessSignature|sig)=([^;&\\s]+)"), "$1=****"),
      new Rule(Pattern.compile("(://)[^/@\\s:]+:[^/@\\s]+@"), "$1****@"));

  private Redaction() {}

  static String apply(String text) {
    String out = text;
    for (Rule rule : RULES) {
      out = rule.pattern().matcher(out).replaceAll(rule.replacement());
    }
    return out;
  }
}
