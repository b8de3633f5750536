package dev.aiops.rca.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons a line carries inside an HTTP response body or a code/message pair, which often state the cause that
 * the line around them only reports as a status: {@code 400 Client Error: Bad Request for url ... {"error_code":
 * "INVALID_PARAMETER_VALUE","message":"Job 42 does not exist."}}, ARM's {@code {"error":{"code":...,"message":...}}},
 * {@code Response details: {...}}, and {@code azure_error_code: X, azure_error_message: Y}.
 */
final class BodyReasons {

  private static final Pattern JSON_MESSAGE = Pattern.compile(
      "\"(?:message|Message|error_description|errorMessage|error_message|detail|Detail|reason)\"\\s*:\\s*"
          + "\"((?:[^\"\\\\]|\\\\.){8,600})\"");
  private static final Pattern AZURE_MESSAGE = Pattern.compile(
      "(?i)\\bazure[ _]error[ _]message\\s*[:=]\\s*(.{8,600}?)(?=,\\s*\\w+[ _]error[ _]\\w+\\s*[:=]|$)");
  private static final int MAX_REASONS = 4;

  private BodyReasons() {}

  /** The reasons found in the line, in order, unescaped; empty when it carries none. */
  static List<String> of(String line) {
    List<String> reasons = new ArrayList<>();
    if (line.indexOf('"') >= 0) {
      Matcher json = JSON_MESSAGE.matcher(line);
      while (json.find() && reasons.size() < MAX_REASONS) {
        reasons.add(unescape(json.group(1)).strip());
      }
    }
    Matcher azure = AZURE_MESSAGE.matcher(line);
    while (azure.find() && reasons.size() < MAX_REASONS) {
      reasons.add(azure.group(1).strip());
    }
    reasons.removeIf(r -> r.isEmpty() || r.equals(line.strip()));
    return reasons;
  }

  private static String unescape(String json) {
    StringBuilder out = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\' && i + 1 < json.length()) {
        char next = json.charAt(++i);
        out.append(next == 'n' || next == 't' || next == 'r' ? ' ' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
