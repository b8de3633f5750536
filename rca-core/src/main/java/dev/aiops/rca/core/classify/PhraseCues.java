package dev.aiops.rca.core.classify;

import dev.aiops.rca.domain.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layer 6: generic phrase cues (mapping/phrase-cues.tsv), after the absence rule: "X not found", "X does not
 * exist", "could not find X", "no such X" take the category of the noun X next to them (mapping/absence-nouns.tsv).
 */
final class PhraseCues {

  /** A cue that was found: its category and the words it matched. */
  record Cue(Category category, String phrase) {}

  private record Entry(Pattern pattern, Category category) {}

  // The noun sits before "not found / does not exist / is missing" or after "could not find / no such".
  private static final Pattern ABSENCE_AFTER = Pattern.compile(
      "\\b(?:not found|(?:does|do|did)(?: not|n't) exist|(?:is|are|was|were) (?:missing|not present)|"
          + "cannot be found|could not be found|can't be found|not exist|no longer exists?|was deleted|is gone)\\b");
  private static final Pattern ABSENCE_BEFORE = Pattern.compile(
      "\\b(?:(?:could|can)(?:n't| ?not) (?:find|locate|load|open|resolve)|unable to (?:find|locate)|"
          + "no such|missing|failed to find|cannot find)\\b");
  private static final int NOUN_WINDOW = 60;
  private static final int NOUN_AFTER = 24;

  private final List<Entry> cues = new ArrayList<>();
  private final List<Entry> nouns = new ArrayList<>();

  PhraseCues() {
    read("phrase-cues", cues, "");
    read("absence-nouns", nouns, "(?<![\\w.-])");
  }

  private static void read(String table, List<Entry> into, String prefix) {
    for (TabSeparated.Row row : TabSeparated.mapping(table, 3)) {
      // The tables are written in lower case and matched against lower-cased text: much faster than (?i).
      // A noun is a whole word, not part of a host name or path ("myserver.database.windows.net").
      String suffix = prefix.isEmpty() ? "" : "s?(?![\\w.-]\\w)";
      into.add(new Entry(Pattern.compile(prefix + "(?:" + row.get(0) + ")" + suffix), Category.valueOf(row.get(1))));
    }
  }

  /** The cue of the text, if one is found. */
  Optional<Cue> find(String original) {
    String text = original.toLowerCase(Locale.ROOT);
    Optional<Cue> absence = absence(text);
    if (absence.isPresent()) {
      return absence;
    }
    for (Entry cue : cues) {
      Matcher m = cue.pattern().matcher(text);
      if (m.find()) {
        return Optional.of(new Cue(cue.category(), m.group().toLowerCase(Locale.ROOT)));
      }
    }
    return Optional.empty();
  }

  /** The noun nearest to an absence phrase decides; an absence with no known noun says nothing. */
  Optional<Cue> absence(String original) {
    String text = original.toLowerCase(Locale.ROOT);
    Matcher after = ABSENCE_AFTER.matcher(text);
    if (after.find()) {
      String before = clause(text.substring(Math.max(0, after.start() - NOUN_WINDOW), after.start()));
      Optional<Cue> cue = nearestNoun(before, true, after.group());
      if (cue.isPresent()) {
        return cue;
      }
      // "Not Found: table x" names the missing thing right after the phrase.
      String next = text.substring(after.end(), Math.min(text.length(), after.end() + NOUN_AFTER));
      if (next.startsWith(":") || next.startsWith(" -")) {
        cue = nearestNoun(next, false, after.group());
        if (cue.isPresent()) {
          return cue;
        }
      }
    }
    Matcher lead = ABSENCE_BEFORE.matcher(text);
    if (lead.find()) {
      String next = text.substring(lead.end(), Math.min(text.length(), lead.end() + NOUN_WINDOW));
      int end = Math.min(next.indexOf(". ") < 0 ? next.length() : next.indexOf(". "),
          next.indexOf("; ") < 0 ? next.length() : next.indexOf("; "));
      return nearestNoun(next.substring(0, end), false, lead.group());
    }
    return Optional.empty();
  }

  /** The end of the window after its last clause boundary: a noun across ": " or ". " belongs to another clause. */
  private static String clause(String window) {
    int cut = Math.max(Math.max(window.lastIndexOf(": "), window.lastIndexOf(". ")), window.lastIndexOf("; "));
    return cut < 0 ? window : window.substring(cut + 2);
  }

  private Optional<Cue> nearestNoun(String window, boolean last, String phrase) {
    Category best = null;
    String bestNoun = "";
    int bestPosition = -1;
    for (Entry noun : nouns) {
      Matcher m = noun.pattern().matcher(window);
      while (m.find()) {
        int distance = last ? window.length() - m.end() : m.start();
        if (best == null || distance < bestPosition) {
          best = noun.category();
          bestNoun = m.group();
          bestPosition = distance;
        }
        if (!last) {
          break;
        }
      }
    }
    String words = last ? bestNoun + " " + phrase : phrase + " " + bestNoun;
    return best == null ? Optional.empty() : Optional.of(new Cue(best, words.toLowerCase(Locale.ROOT)));
  }
}
