package dev.aiops.rca.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.redaction.RedactionSettings;
import dev.aiops.rca.core.redaction.Redactor;
import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.port.in.AnalyzeEvidenceCommand;
import dev.aiops.rca.port.in.AnalyzeEvidenceResult;
import dev.aiops.rca.testkit.Samples;
import dev.aiops.rca.testkit.ScriptedRootCauseModel;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalyzeEvidenceServiceTest {

  private static final String TIMEOUT = "java.net.SocketTimeoutException: connect timed out to api.example.com";
  private static final String TOKEN = "dapi0123456789abcdef0123456789abcdef";

  private final ScriptedRootCauseModel model = new ScriptedRootCauseModel();
  private final AnalyzeEvidenceService service = new AnalyzeEvidenceService(RuleBasedAnalyzer.withDefaultCatalogue(),
      new SignatureCalculator(), new Redactor(RedactionSettings.defaults().withKnownSecrets(Set.of("hunter2-pw"))),
      Optional.of(model));

  private AnalyzeEvidenceResult analyze(String error) {
    return service.analyze(new AnalyzeEvidenceCommand(Samples.databricksRun("1", error)));
  }

  @Test
  void should_redact_the_run_before_the_model_and_the_report_see_it() {
    AnalyzeEvidenceResult result = analyze(TIMEOUT + " token " + TOKEN + " password hunter2-pw");

    assertThat(model.calls()).singleElement()
        .satisfies(run -> assertThat(run.toString()).doesNotContain(TOKEN, "hunter2-pw"));
    assertThat(result.rcaText()).doesNotContain(TOKEN, "hunter2-pw");
    assertThat(result.analysis().analyzer()).isEqualTo(ScriptedRootCauseModel.ANALYZER);
  }

  @Test
  void should_keep_the_rules_analysis_flagged_when_the_model_fails() {
    model.failures().failNext(new IllegalStateException("model down"));

    AnalyzeEvidenceResult result = analyze(TIMEOUT);

    assertThat(result.analysis().flags()).contains(AnalysisFlag.MODEL_FALLBACK);
    assertThat(result.analysis().analyzer()).isNotEqualTo(ScriptedRootCauseModel.ANALYZER);
  }
}
