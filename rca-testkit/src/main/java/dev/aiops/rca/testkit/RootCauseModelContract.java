package dev.aiops.rca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.port.out.RootCauseModel;
import org.junit.jupiter.api.Test;

/** What every {@link RootCauseModel} must do when its vendor answers well. */
public interface RootCauseModelContract {

  RootCauseModel subject();

  @Test
  default void should_return_an_analysis_attributed_to_the_model_when_it_answers() {
    RootCauseAnalysis rules = Samples.analysis(Category.TABLE_OR_VIEW_NOT_FOUND,
        "[TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`users` cannot be found.");

    RootCauseAnalysis answer = subject().analyze(Samples.databricksRun("1", rules.rootCauseLine()), rules);

    assertThat(answer.analyzer()).startsWith("model:");
    assertThat(answer.summary()).isNotBlank();
    assertThat(answer.confidence()).isBetween(0.0, 1.0);
  }
}
