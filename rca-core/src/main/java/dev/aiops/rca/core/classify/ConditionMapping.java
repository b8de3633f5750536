package dev.aiops.rca.core.classify;

import dev.aiops.rca.domain.Category;
import java.util.Optional;

/**
 * The category of a Spark, PySpark or Delta error condition, in the design's order: an exact name we reviewed, the
 * name's tokens (sub-condition first), the SQLSTATE (five characters, then class), and for legacy templates without
 * a state the phrase cues of their text, else a defect in code.
 */
final class ConditionMapping {

  /** How a condition maps: its category (empty: deliberately none) and the rule that decided, for people. */
  record Mapped(Optional<Category> category, String basis, boolean byClass) {}

  private final MappingTable names = MappingTable.load("condition-names");
  private final SqlStates sqlStates;
  private final PhraseCues cues;

  ConditionMapping(SqlStates sqlStates, PhraseCues cues) {
    this.sqlStates = sqlStates;
    this.cues = cues;
  }

  /** The mapping of a catalogue entry; empty only when no table has a row for it (a gap the tests report). */
  Optional<Mapped> of(Condition condition) {
    return byName(condition.name(), condition.parent()).or(() -> byState(condition.sqlState()))
        .or(() -> condition.isLegacy() ? Optional.of(legacy(condition)) : Optional.empty());
  }

  /** The mapping by name alone, for a tag that is in no pinned catalogue (a Databricks Runtime condition). */
  Optional<Mapped> byName(String name, String parent) {
    String sub = name.equals(parent) ? "" : name.substring(parent.length() + 1);
    return names.exact(name).or(() -> names.exact(parent))
        .or(() -> sub.isEmpty() ? Optional.empty() : names.rule(sub))
        .or(() -> names.rule(parent))
        .map(row -> new Mapped(row.category(), "name " + (row.key().startsWith("~") ? "token" : "entry"), false));
  }

  Optional<Mapped> byState(String state) {
    return state.isBlank() ? Optional.empty() : sqlStates.of(state)
        .map(m -> new Mapped(m.row().category(), (m.byClass() ? "SQLSTATE class " + state.substring(0, 2)
            : "SQLSTATE " + state), m.byClass()));
  }

  private Mapped legacy(Condition condition) {
    String text = condition.templates().isEmpty() ? "" : condition.templates().get(0);
    return cues.find(text)
        .map(cue -> new Mapped(Optional.of(cue.category()), "legacy template, phrase \"" + cue.phrase() + "\"", false))
        // Spark's legacy templates without a cue are mostly "X is not supported" and pass-throughs of the code's
        // own message: a defect in code is the documented default (error-taxonomies.md, section 1).
        .orElse(new Mapped(Optional.of(Category.CODE_ERROR), "legacy template, no cue", false));
  }
}
