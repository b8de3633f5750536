package dev.aiops.rca.core.analysis;

import dev.aiops.rca.core.classify.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A line of evidence that may state a cause, with its wrappers peeled off.
 *
 * @param text the cause as stated, verbatim apart from the wrappers
 * @param source which field it came from ({@code error}, {@code error_trace}, {@code logs} ...)
 * @param order its position across all scanned texts, for the innermost-wins tie-break
 * @param offset where its line starts in its source text (0 for a statement read from a whole text)
 * @param verdict what the classifier concluded about it, if anything
 * @param context the lines around it worth showing: the statements before it, the code location
 */
record Statement(String text, String source, long order, int offset, Optional<Verdict> verdict,
    List<String> context) {

  Statement {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(verdict, "verdict");
    context = List.copyOf(context);
  }

  int priority() {
    return verdict.map(Verdict::strength).orElse(0);
  }

  /** The statement joined with the line that continues it, classified as before. */
  Statement continuedBy(String continuation) {
    return new Statement(text + " " + continuation, source, order, offset, verdict, context);
  }

  Statement withContext(List<String> more) {
    return new Statement(text, source, order, offset, verdict, more);
  }
}
