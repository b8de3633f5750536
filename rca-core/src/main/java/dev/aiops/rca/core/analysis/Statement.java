package dev.aiops.rca.core.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A line of evidence that may state a cause, with its wrappers peeled off.
 *
 * @param text the cause as stated, verbatim apart from the wrappers
 * @param source which field it came from ({@code error}, {@code error_trace}, {@code logs} ...)
 * @param order its position across all scanned texts, for the innermost-wins tie-break
 * @param match the catalogue entry it matches, if any
 * @param context the lines around it worth showing: the statements before it, the code location
 */
record Statement(String text, String source, long order, Optional<CatalogueEntry> match, List<String> context) {

  Statement {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(match, "match");
    context = List.copyOf(context);
  }

  int priority() {
    return match.map(CatalogueEntry::priority).orElse(0);
  }

  Statement withContext(List<String> more) {
    return new Statement(text, source, order, match, more);
  }
}
