package dev.aiops.rca.core.classify;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.ClassificationLayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layer 5: an HTTP status named by number, by reason phrase ("Too Many Requests") or by .NET
 * {@code HttpStatusCode} name ("TooManyRequests"), from the IANA, Python and .NET names in
 * catalogue/http-statuses.tsv. 403 with credential wording is authentication; 404 takes the noun next to it.
 */
final class HttpStatuses {

  private static final List<Pattern> NUMBERED = List.of(
      Pattern.compile("(?i)\\bHTTP(?:/[\\d.]+)?\\s*(?:status\\s*)?(?:code\\s*)?[:=]?\\s*(\\d{3})\\b"),
      Pattern.compile("(?i)\\bstatus[ _-]?code['\"]?\\s*[:=]?\\s*['\"]?(\\d{3})\\b"),
      Pattern.compile("(?i)\\b(?:status|statusCode|response code|responseCode|error_code|errorCode|code)['\"]?"
          + "\\s*[:=]\\s*['\"]?(\\d{3})\\b"),
      Pattern.compile("\\b(\\d{3}) (?:Client|Server) Error\\b"),
      Pattern.compile("\\b([45]\\d\\d) (?:error|status|response)(?: code| responses?|s)?\\b"),
      Pattern.compile("(?i)\\b(?:error|status)\\s+(\\d{3})\\b"),
      Pattern.compile("\\(([45]\\d\\d)\\)\\s+[A-Z][a-z]"),
      Pattern.compile("(?i)error:?\\s*\\(([45]\\d\\d)\\)"));
  private static final Pattern NUMBER_THEN_WORDS = Pattern.compile(
      "\\b([45]\\d\\d)[ -]+([A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*){0,3})");
  // Names that are ordinary words in prose or mean something else in these platforms' messages.
  private static final Set<String> AMBIGUOUS = Set.of("Gone", "Locked", "Conflict", "Continue", "Found", "Processing",
      "Accepted", "Created", "Moved", "Ambiguous", "Unused", "Redirect", "OK", "Ok");

  private final MappingTable table = MappingTable.load("http-statuses");
  private final Map<Integer, String> reasons = new HashMap<>();
  private final Map<String, Integer> codesByName = new HashMap<>();
  private final Pattern names;
  private final PhraseCues cues;

  HttpStatuses(PhraseCues cues) {
    this.cues = cues;
    for (TabSeparated.Row row : TabSeparated.catalogue("http-statuses")) {
      int code = Integer.parseInt(row.get(0));
      reasons.put(code, row.get(1));
      if (code < 400) {
        continue;
      }
      List<String> spellings = new ArrayList<>();
      spellings.add(row.get(1));
      if (row.size() > 3 && !row.get(3).isBlank()) {
        spellings.addAll(List.of(row.get(3).split(",")));
      }
      for (String spelling : spellings) {
        String s = spelling.strip();
        boolean distinctive = s.contains(" ") || s.chars().filter(Character::isUpperCase).count() >= 2
            || s.equals("Unauthorized") || s.equals("Forbidden");
        if (!s.isEmpty() && !AMBIGUOUS.contains(s) && distinctive) {
          codesByName.putIfAbsent(s, code);
        }
      }
    }
    names = namesPattern();
  }

  // One alternation of every name, longest first, so that a text is scanned once for all of them.
  private Pattern namesPattern() {
    StringBuilder alternation = new StringBuilder();
    codesByName.keySet().stream().sorted((a, b) -> b.length() - a.length()).forEach(name ->
        alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(name)));
    return Pattern.compile("(?<![\\w-])(?:" + alternation + ")(?![\\w-])");
  }

  Optional<Verdict> classify(String text) {
    return status(text).flatMap(found -> verdict(found.getKey(), found.getValue(), text));
  }

  /** The status the text names and how it was named. */
  private Optional<Map.Entry<Integer, String>> status(String text) {
    for (Pattern pattern : NUMBERED) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        int code = Integer.parseInt(m.group(1));
        if (code >= 400 && code <= 599) {
          return Optional.of(Map.entry(code, "HTTP " + code));
        }
      }
    }
    Matcher m = NUMBER_THEN_WORDS.matcher(text);
    while (m.find()) {
      int code = Integer.parseInt(m.group(1));
      String reason = reasons.get(code);
      if (reason != null && m.group(2).toLowerCase(Locale.ROOT)
          .startsWith(reason.toLowerCase(Locale.ROOT))) {
        return Optional.of(Map.entry(code, "HTTP " + code + " " + reason));
      }
    }
    Matcher n = names.matcher(text);
    if (n.find()) {
      int code = codesByName.get(n.group());
      return Optional.of(Map.entry(code, "HTTP " + code + " named \"" + n.group() + "\""));
    }
    return Optional.empty();
  }

  private Optional<Verdict> verdict(int code, String named, String text) {
    Optional<MappingTable.Row> row = table.exact(String.valueOf(code))
        .or(() -> table.exact(code / 100 + "xx"));
    if (row.isEmpty() || row.get().category().isEmpty()) {
      return Optional.empty();
    }
    Category category = row.get().category().get();
    String evidence = named;
    Optional<PhraseCues.Cue> cue = cues.find(text);
    if (code == 403 && cue.filter(c -> c.category() == Category.AUTHENTICATION).isPresent()) {
      // CATEGORIES.md: a 403 whose message says the credential is invalid or expired is authentication.
      category = Category.AUTHENTICATION;
      evidence += " with credential wording \"" + cue.get().phrase() + "\"";
    } else if (code == 404) {
      Optional<PhraseCues.Cue> noun = cues.absence(text);
      if (noun.isPresent()) {
        category = noun.get().category();
        evidence += " (\"" + noun.get().phrase() + "\")";
      }
    }
    // A bare 400 or a 404 that names nothing missing only says the call failed: a message next to it says more.
    boolean vague = code == 400 || code == 404 && evidence.equals(named);
    return Optional.of(new Verdict(category, ClassificationLayer.HTTP_STATUS, evidence,
        vague ? Verdict.SQLSTATE_CLASS : Verdict.HTTP_STATUS));
  }
}
