package dev.aiops.rca.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.out.FailedRunSource;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FailedRunSource} must do. Implementations give a subject that knows {@link #knownFailure()}
 * (a run with at least one failed task that reported an error) and not {@link #unknownRun()}.
 */
public interface FailedRunSourceContract {

  FailedRunSource subject();

  FailureEvent knownFailure();

  FailureEvent unknownRun();

  @Test
  default void should_return_the_run_with_its_failed_task_when_the_run_exists() {
    FailedRunSource source = subject();
    FailureEvent event = knownFailure();

    FailedRun run = source.fetch(event);

    assertThat(run.event()).isEqualTo(event);
    assertThat(run.source()).isEqualTo(source.source());
    assertThat(run.tasks()).anySatisfy(task -> assertThat(task.error()).hasValueSatisfying(
        error -> assertThat(error.isEmpty()).isFalse()));
  }

  @Test
  default void should_return_the_same_run_when_fetched_twice() {
    FailedRunSource source = subject();

    assertThat(source.fetch(knownFailure()).tasks()).extracting(TaskRun::name)
        .containsExactlyElementsOf(source.fetch(knownFailure()).tasks().stream().map(TaskRun::name).toList());
  }

  @Test
  default void should_fail_permanently_when_the_run_does_not_exist() {
    assertThatThrownBy(() -> subject().fetch(unknownRun())).isInstanceOf(PermanentPortException.class);
  }
}
