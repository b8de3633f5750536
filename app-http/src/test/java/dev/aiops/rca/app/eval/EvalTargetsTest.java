package dev.aiops.rca.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.app.cli.EvalCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The development set must stay at or above the targets; the held-out set is scored the same way. */
class EvalTargetsTest {

  private static final Path CASES = Path.of("../eval/cases");

  @Test
  void should_meet_the_targets_when_the_development_cases_are_evaluated() {
    Scorecard scores = EvalCommand.evaluate(CASES);

    assertThat(scores.cases()).hasSize(60);
    assertThat(scores.full()).as(scores.render()).isGreaterThanOrEqualTo(85.0);
    assertThat(scores.category()).as(scores.render()).isGreaterThanOrEqualTo(90.0);
    assertThat(scores.failedTask()).as(scores.render()).isGreaterThanOrEqualTo(95.0);
  }

  @Test
  void should_score_containment_both_ways_after_normalising_when_root_errors_are_compared() {
    assertThat(Scorer.rootMatches("Invalid object name 'x'.", "  invalid   OBJECT name 'x'")).isTrue();
    assertThat(Scorer.rootMatches("KeyError: 1", "Traceback: KeyError: 1 raised")).isTrue();
    assertThat(Scorer.rootMatches("KeyError: 1", "")).isFalse();
  }
}
