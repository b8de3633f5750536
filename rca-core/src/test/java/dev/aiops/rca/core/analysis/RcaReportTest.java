package dev.aiops.rca.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import org.junit.jupiter.api.Test;

/** The ticket text: what a tracker without its own layout (built-in, ServiceNow) shows people. */
class RcaReportTest {

  private final RuleBasedAnalyzer analyzer = RuleBasedAnalyzer.withDefaultCatalogue();
  private final FailedRun run = Runs.databricks(Runs.failed("load",
      "org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`users` cannot be "
          + "found.", ""));

  @Test
  void should_show_the_models_explanation_when_a_model_analysed_the_run() {
    RootCauseAnalysis rules = analyzer.analyze(run);
    RootCauseAnalysis model = new RootCauseAnalysis(rules.category(), rules.rootCauseLine(), rules.failedTask(),
        "Root cause: the users table was dropped.\nThe nightly migration dropped it before the load ran.",
        rules.evidence(), rules.recommendedActions(), rules.entities(), 0.9, "model:gemini:gemini-2.5-flash tokens=1+1",
        rules.classification(), rules.flags());

    String text = RcaReport.render(run, model);

    assertThat(text).contains("Analysis: Root cause: the users table was dropped.\n"
        + "  The nightly migration dropped it before the load ran.\n", "Analyzer: model:gemini:gemini-2.5-flash");
  }

  @Test
  void should_not_repeat_the_rules_summary_when_the_rules_analysed_the_run() {
    RootCauseAnalysis rules = analyzer.analyze(run);

    assertThat(RcaReport.render(run, rules)).doesNotContain("Analysis: ").doesNotContain(rules.summary());
  }

  @Test
  void should_list_the_tasks_held_back_by_the_failure_as_impacted_and_not_as_failures_of_their_own() {
    FailedRun multiTask = Runs.databricks(Runs.failed("load", "java.net.SocketTimeoutException: Read timed out", ""),
        Runs.skipped("publish", "load"), Runs.task("audit", "notebook", "SUCCESS", 0, java.util.List.of(), null));

    String text = RcaReport.render(multiTask, analyzer.analyze(multiTask));

    assertThat(text).contains("Failed task: load", "Impacted tasks (held back by this failure): publish UPSTREAM_FAILED",
        "Other tasks: audit SUCCESS");
  }
}
