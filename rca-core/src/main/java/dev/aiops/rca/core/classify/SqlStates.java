package dev.aiops.rca.core.classify;

import java.util.Locale;
import java.util.Optional;

/** Layer 3: a SQLSTATE's category, by its five-character override or else by its class (mapping/sqlstates.tsv). */
final class SqlStates {

  /** A state's mapping and whether it came from the class alone (a weak, tentative conclusion). */
  record Mapped(MappingTable.Row row, boolean byClass) {}

  private final MappingTable table = MappingTable.load("sqlstates");

  Optional<Mapped> of(String state) {
    String s = state.toUpperCase(Locale.ROOT);
    if (s.length() != 5) {
      return Optional.empty();
    }
    return table.exact(s).map(row -> new Mapped(row, false))
        .or(() -> table.exact(s.substring(0, 2)).map(row -> new Mapped(row, true)));
  }
}
