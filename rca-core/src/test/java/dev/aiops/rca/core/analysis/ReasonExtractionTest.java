package dev.aiops.rca.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.ClassificationLayer;
import dev.aiops.rca.domain.RootCauseAnalysis;
import org.junit.jupiter.api.Test;

/** The reason is taken out of response bodies, code/message pairs and continuation lines, and kept tight. */
class ReasonExtractionTest {

  private final RuleBasedAnalyzer analyzer = RuleBasedAnalyzer.withDefaultCatalogue();

  private RootCauseAnalysis analyze(String message, String trace) {
    return analyzer.analyze(Runs.databricks(Runs.failed("call_api", message, trace)));
  }

  @Test
  void should_take_the_reason_and_the_code_out_of_a_json_body_when_a_client_error_carries_one() {
    RootCauseAnalysis a = analyze("HTTPError: 400 Client Error: Bad Request for url: https://h/api/2.1/jobs/run-now",
        "requests.exceptions.HTTPError: 400 Client Error: Bad Request for url: https://h/api/2.1/jobs/run-now "
            + "Response text: {\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Job 123 does not exist.\"}");

    assertThat(a.rootCauseLine()).isEqualTo("Job 123 does not exist.");
    assertThat(a.category()).isEqualTo(Category.CONFIGURATION);
    assertThat(a.classification().evidence()).contains("INVALID_PARAMETER_VALUE");
  }

  @Test
  void should_read_the_arm_error_code_of_the_body_when_the_message_names_no_code() {
    RootCauseAnalysis a = analyze("Response details: {\"error\":{\"code\":\"AuthorizationFailed\",\"message\":"
        + "\"The client 'app-etl' with object id '00000000-0000' does not have authorization to perform action "
        + "'Microsoft.DataFactory/factories/pipelines/createRun/action' over scope '/subscriptions/x'.\"}}", "");

    assertThat(a.category()).isEqualTo(Category.PERMISSION_DENIED);
    assertThat(a.rootCauseLine()).startsWith("The client 'app-etl' with object id");
    assertThat(a.classification().layer()).isEqualTo(ClassificationLayer.IDENTIFIER);
  }

  @Test
  void should_pair_the_azure_error_message_with_its_code_when_a_cluster_could_not_start() {
    RootCauseAnalysis a = analyze("Cluster could not be created. azure_error_code: SkuNotAvailable, "
        + "azure_error_message: The requested size for resource is currently not available in location 'westeurope'",
        "");

    assertThat(a.category()).isEqualTo(Category.CLUSTER_LAUNCH_FAILURE);
    assertThat(a.rootCauseLine()).startsWith("The requested size for resource is currently not available");
  }

  @Test
  void should_join_a_cause_that_ends_in_a_colon_with_the_line_that_continues_it() {
    RootCauseAnalysis a = analyze("AnalysisException: [INSUFFICIENT_PERMISSIONS] Insufficient privileges:\n"
        + "User does not have SELECT on Table 'main.hr.salaries'.", "");

    assertThat(a.rootCauseLine()).isEqualTo("AnalysisException: [INSUFFICIENT_PERMISSIONS] Insufficient privileges:"
        + " User does not have SELECT on Table 'main.hr.salaries'.");
    assertThat(a.category()).isEqualTo(Category.PERMISSION_DENIED);
  }

  @Test
  void should_keep_the_root_line_to_its_decisive_clauses_when_the_statement_is_long() {
    String tail = " Process List(/bin/pip, install, " + "x".repeat(900) + ") exited with code 1.";
    RootCauseAnalysis a = analyze("Library installation attempted on the driver node and failed. Pip could not find"
        + " a version that satisfies the requirement for the library. Error Code: NO_MATCHING_DISTRIBUTION_ERROR."
        + tail, "");

    assertThat(a.rootCauseLine()).endsWith("Error Code: NO_MATCHING_DISTRIBUTION_ERROR.").hasSizeLessThan(501);
    assertThat(a.category()).isEqualTo(Category.LIBRARY_INSTALLATION);
  }
}
