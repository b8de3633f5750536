package dev.aiops.rca.core.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Layer 2b: finds which catalogue template a message was rendered from when it lost its {@code [CONDITION]} tag.
 * Each template becomes its literal fragments (the text between {@code <placeholders>}); a message matches when the
 * fragments occur in order with placeholder-sized gaps between them. A message cut short still matches on the
 * fragments it kept, and the template whose literal characters matched most wins.
 *
 * <p>Candidates are found through an index of each template's first long fragment, probed at word starts only, so
 * a statement costs time in proportion to its length whatever the number of templates.
 */
final class Templates {

  /** A template that matched: its condition, the literal characters matched, and the share of all its literals. */
  record Match(Condition condition, int literalChars, double coverage, boolean cut) {}

  private record Template(Condition condition, List<String> fragments, int anchor, int literalChars) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z_][\\w.]*>");
  private static final int KEY = 12;
  private static final int MIN_ANCHOR = 14;
  private static final int MAX_GAP = 400;
  private static final int MIN_MATCH = 24;
  private static final int MIN_PARTIAL = 8;

  private final Map<String, List<Template>> byAnchor = new HashMap<>();

  Templates(Collection<Condition> conditions) {
    for (Condition condition : conditions) {
      for (String text : condition.templates()) {
        add(condition, text);
      }
    }
  }

  private void add(Condition condition, String text) {
    List<String> fragments = new ArrayList<>();
    for (String part : PLACEHOLDER.split(normalize(text), -1)) {
      String fragment = part.strip();
      if (!fragment.isEmpty()) {
        fragments.add(fragment);
      }
    }
    int literal = fragments.stream().mapToInt(String::length).sum();
    for (int i = 0; i < fragments.size(); i++) {
      if (fragments.get(i).length() >= MIN_ANCHOR) {
        Template template = new Template(condition, List.copyOf(fragments), i, literal);
        byAnchor.computeIfAbsent(fragments.get(i).substring(0, KEY), k -> new ArrayList<>()).add(template);
        return;
      }
    }
  }

  /** The template the statement was most likely rendered from, if any matched well enough. */
  Optional<Match> best(String statement) {
    String text = normalize(statement);
    Match best = null;
    for (int pos = 0; pos + KEY <= text.length(); pos++) {
      if (pos > 0 && Character.isLetterOrDigit(text.charAt(pos - 1))) {
        continue;
      }
      List<Template> candidates = byAnchor.get(text.substring(pos, pos + KEY));
      if (candidates == null) {
        continue;
      }
      for (Template template : candidates) {
        Match match = match(template, text, pos);
        if (match != null && (best == null || better(match, best))) {
          best = match;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean better(Match a, Match b) {
    if (a.literalChars() != b.literalChars()) {
      return a.literalChars() > b.literalChars();
    }
    return a.coverage() > b.coverage();
  }

  private Match match(Template template, String text, int pos) {
    int first = template.anchor();
    List<String> fragments = template.fragments();
    String anchor = fragments.get(first);
    int common = commonPrefix(anchor, text, pos);
    if (common < anchor.length()) {
      // Cut inside the anchor, or worded differently after a shared start (the text drifts across versions).
      boolean atEnd = pos + common == text.length();
      return common >= MIN_MATCH ? result(template, common, atEnd) : null;
    }
    int matched = anchor.length();
    int cursor = pos + anchor.length();
    boolean cut = false;
    for (int i = first + 1; i < fragments.size(); i++) {
      String fragment = fragments.get(i);
      int limit = Math.min(text.length(), cursor + MAX_GAP + fragment.length());
      int found = text.substring(0, limit).indexOf(fragment, cursor);
      if (found >= 0) {
        matched += fragment.length();
        cursor = found + fragment.length();
        continue;
      }
      if (limit == text.length()) {
        // The message ends within reach: it may have been cut inside this fragment.
        int partial = partialAtEnd(fragment, text, cursor);
        matched += partial;
        cut = partial > 0 || text.length() - cursor < MAX_GAP;
      }
      break;
    }
    return matched >= MIN_MATCH ? result(template, matched, cut) : null;
  }

  private static Match result(Template template, int matched, boolean cut) {
    double coverage = template.literalChars() == 0 ? 0 : (double) matched / template.literalChars();
    boolean enough = coverage >= 0.5 || matched >= 60 || cut;
    return enough ? new Match(template.condition(), matched, coverage, cut) : null;
  }

  /** The longest prefix of the fragment that ends the text after the cursor (a message cut mid-sentence). */
  private static int partialAtEnd(String fragment, String text, int cursor) {
    for (int length = Math.min(fragment.length() - 1, text.length() - cursor); length >= MIN_PARTIAL; length--) {
      if (text.endsWith(fragment.substring(0, length))) {
        return length;
      }
    }
    return 0;
  }

  /** How many characters of the fragment the text repeats from the position on. */
  private static int commonPrefix(String fragment, String text, int pos) {
    int n = 0;
    while (n < fragment.length() && pos + n < text.length() && fragment.charAt(n) == text.charAt(pos + n)) {
      n++;
    }
    return n;
  }

  static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.append(Character.toLowerCase(c));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
