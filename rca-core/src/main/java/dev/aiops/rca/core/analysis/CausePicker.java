package dev.aiops.rca.core.analysis;

import dev.aiops.rca.core.classify.Verdict;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Picks the cause among the statements of a scan: the one with the strongest verdict, ties going to the later
 * (inner) statement, with the lines around it as context. Memory stays bounded: at most
 * {@link EvidenceScanner#MAX_DISTINCT} statements are remembered for de-duplication.
 */
final class CausePicker {

  /**
   * Where a statement was read.
   *
   * @param source which field its text came from
   * @param offset where its line starts in that text
   * @param frame the code frame last seen before it, or empty
   */
  record Origin(String source, int offset, String frame) {}

  private final StatementVerdicts verdicts;
  private final Set<String> seen = new HashSet<>();
  private final Deque<String> recent = new ArrayDeque<>();
  private Statement best;
  // The statement right after the cause often says why ("Error messages: ... FileNotFoundException").
  private boolean followBest;
  private long order;

  CausePicker(StatementVerdicts verdicts) {
    this.verdicts = verdicts;
  }

  /** Starts a new text: the lines remembered as context belong to the previous one. */
  void startText() {
    recent.clear();
  }

  Optional<Statement> best() {
    return Optional.ofNullable(best);
  }

  /** Considers one statement; {@code peeled} is what its wrappers said, which may name a code the cause lacks. */
  void consider(Origin origin, String statement, String peeled) {
    String text = EvidenceScanner.cut(statement, EvidenceScanner.MAX_STATEMENT);
    consider(origin, text, floor -> verdicts.of(text, peeled, floor));
  }

  /**
   * Considers one statement, already cut, with the verdict its caller finds for it given the strength it has to
   * reach (the scan's best so far: the late layers need not run when they could not).
   */
  void consider(Origin origin, String text, IntFunction<Optional<Verdict>> verdict) {
    long position = order++;
    if (seen.contains(text)) {
      return;
    }
    if (followBest && best != null && best.source().equals(origin.source())) {
      if (best.text().endsWith(":") && best.text().length() + text.length() < EvidenceScanner.MAX_STATEMENT) {
        // A cause that ends in a colon goes on in the next line ("Insufficient privileges:\nUser does not ...").
        best = best.continuedBy(text);
        return;
      }
      List<String> more = new ArrayList<>(best.context());
      more.add(EvidenceScanner.cut(text, 300));
      best = best.withContext(more);
    }
    followBest = false;
    if (seen.size() < EvidenceScanner.MAX_DISTINCT) {
      seen.add(text);
    }
    // Ties go to the later statement, so a verdict as strong as the best so far still counts.
    Optional<Verdict> match = verdict.apply(best == null ? 0 : best.priority());
    int priority = match.map(Verdict::strength).orElse(0);
    // Equal priority: the later statement is the inner one (Caused by chains, continuation lines).
    if (best == null || priority >= best.priority()) {
      best = new Statement(text, origin.source(), position, origin.offset(), match, context(origin));
      followBest = true;
    }
  }

  /** Keeps the line as context for the statements after it; only the last two are kept. */
  void remember(String line) {
    recent.addLast(EvidenceScanner.cut(line, 300));
    while (recent.size() > 2) {
      recent.removeFirst();
    }
  }

  private List<String> context(Origin origin) {
    List<String> context = new ArrayList<>(recent);
    if (!origin.frame().isEmpty()) {
      context.add(origin.frame());
    }
    return context;
  }
}
