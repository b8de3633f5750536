package dev.aiops.rca.core.actions;

import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.EntityKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bounded view of the evidence the parsers scan, root line first, with the quoting helpers they share. */
final class Texts {

  /** Only the head of each text is scanned, so that a huge log cannot make the analysis slow. */
  static final int MAX_SCAN = 256 * 1024;

  private final List<String> scanned;
  private final ActionEvidence evidence;

  Texts(ActionEvidence evidence) {
    this.evidence = evidence;
    List<String> list = new ArrayList<>();
    if (!evidence.rootLine().isBlank()) {
      list.add(cap(evidence.rootLine()));
    }
    for (String text : evidence.texts()) {
      if (text != null && !text.isBlank()) {
        list.add(cap(text));
      }
    }
    this.scanned = List.copyOf(list);
  }

  private static String cap(String text) {
    return text.length() <= MAX_SCAN ? text : text.substring(0, MAX_SCAN);
  }

  List<String> all() {
    return scanned;
  }

  /** The first match of the pattern, in the root line first and then in the texts in order. */
  Optional<MatchResult> first(Pattern pattern) {
    for (String text : scanned) {
      Matcher m = pattern.matcher(text);
      if (m.find()) {
        return Optional.of(m.toMatchResult());
      }
    }
    return Optional.empty();
  }

  /** Up to {@code max} matches of the pattern across all texts, in order. */
  List<MatchResult> matches(Pattern pattern, int max) {
    List<MatchResult> found = new ArrayList<>();
    for (String text : scanned) {
      Matcher m = pattern.matcher(text);
      while (found.size() < max && m.find()) {
        found.add(m.toMatchResult());
      }
      if (found.size() >= max) {
        break;
      }
    }
    return found;
  }

  boolean has(Pattern pattern) {
    return first(pattern).isPresent();
  }

  List<String> entities(EntityKind kind) {
    return evidence.entities().stream().filter(e -> e.kind() == kind).map(Entity::value).toList();
  }

  Map<String, String> details() {
    return evidence.taskDetails();
  }

  /** The value of the first detail whose key equals one of the given keys, ignoring case. */
  Optional<String> detail(String... keys) {
    for (String key : keys) {
      for (Map.Entry<String, String> e : evidence.taskDetails().entrySet()) {
        if (e.getKey().equalsIgnoreCase(key) && !e.getValue().isBlank()) {
          return Optional.of(e.getValue().strip());
        }
      }
    }
    return Optional.empty();
  }

  String taskName() {
    return evidence.taskName().strip();
  }

  /** A name in backticks, with backticks inside it removed. */
  static String q(String name) {
    return "`" + name.replace("`", "").strip() + "`";
  }

  /** "`a`", "`a` and `b`", "`a`, `b` and `c`", or "`a`, `b`, `c` and 4 more" beyond {@code max}. */
  static String list(List<String> names, int max) {
    List<String> quoted = new ArrayList<>();
    for (int i = 0; i < Math.min(max, names.size()); i++) {
      quoted.add(q(names.get(i)));
    }
    if (names.size() > max) {
      return String.join(", ", quoted) + " and " + (names.size() - max) + " more";
    }
    if (quoted.size() <= 1) {
      return String.join("", quoted);
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
  }

  /** Strips the punctuation a path or name picks up from the sentence around it. */
  static String trimPunctuation(String raw) {
    String s = raw.strip();
    while (!s.isEmpty() && ".,;:'\")]}`".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1);
    }
    while (!s.isEmpty() && "'\"(`[".indexOf(s.charAt(0)) >= 0) {
      s = s.substring(1);
    }
    return s;
  }

  /** Splits a dotted name whose parts may be quoted with backticks or brackets: {@code `a`.[b].c}. */
  static List<String> nameParts(String name) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    int i = 0;
    String s = name.strip();
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '`' || c == '[' || c == '"') {
        char close = c == '[' ? ']' : c;
        int end = s.indexOf(close, i + 1);
        if (end < 0) {
          end = s.length();
        }
        part.append(s, i + 1, end);
        i = end + 1;
      } else if (c == '.') {
        parts.add(part.toString());
        part.setLength(0);
        i++;
      } else {
        part.append(c);
        i++;
      }
    }
    parts.add(part.toString());
    parts.replaceAll(String::strip);
    parts.removeIf(String::isEmpty);
    return parts;
  }

  static Set<String> lowerSet(List<String> names) {
    Set<String> set = new LinkedHashSet<>();
    names.forEach(n -> set.add(n.toLowerCase(Locale.ROOT)));
    return set;
  }
}
