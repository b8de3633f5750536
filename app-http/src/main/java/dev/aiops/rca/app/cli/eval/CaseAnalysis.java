package dev.aiops.rca.app.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.adapter.adf.AdfRunMapper;
import dev.aiops.rca.adapter.databricks.DatabricksRunMapper;
import dev.aiops.rca.core.analysis.RcaReport;
import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RootCauseAnalysis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Analyses a case offline, exactly as the service would after fetching the same payloads: mappers, rules, report. */
public final class CaseAnalysis {

  // Cases carry no receive time; a fixed one keeps the output reproducible.
  private static final Instant RECEIVED = Instant.parse("2000-01-01T00:00:00Z");

  private final DatabricksRunMapper databricks = new DatabricksRunMapper();
  private final AdfRunMapper adf = new AdfRunMapper();
  private final RuleBasedAnalyzer rules;
  private final SignatureCalculator signatures = new SignatureCalculator();

  public CaseAnalysis(RuleBasedAnalyzer rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /** What the analysis predicts for one case. */
  public record Prediction(String id, FailedRun run, RootCauseAnalysis analysis, String signature, String rca) {}

  public Prediction analyze(EvalCase evalCase) {
    FailedRun run = failedRun(evalCase);
    RootCauseAnalysis analysis = rules.analyze(run);
    return new Prediction(evalCase.id(), run, analysis, signatures.signatureOf(run, analysis).value(),
        RcaReport.render(run, analysis));
  }

  FailedRun failedRun(EvalCase evalCase) {
    JsonNode input = evalCase.input();
    if (evalCase.source().toLowerCase(Locale.ROOT).equals("adf")) {
      JsonNode pipelineRun = input.path("pipelineRun");
      FailureEvent event = AdfRunMapper.eventFrom(pipelineRun, "", RECEIVED, input.toString());
      List<JsonNode> activities = new ArrayList<>();
      input.path("activityRuns").forEach(activities::add);
      return adf.map(event, pipelineRun, activities);
    }
    JsonNode runsGet = input.path("run");
    FailureEvent event = DatabricksRunMapper.eventFrom(runsGet, workspaceOf(runsGet), RECEIVED, input.toString());
    Map<String, JsonNode> outputs = new LinkedHashMap<>();
    input.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue()));
    return databricks.map(event, runsGet, outputs);
  }

  private static String workspaceOf(JsonNode runsGet) {
    String url = runsGet.path("run_page_url").asText("");
    int start = url.indexOf("://");
    if (start < 0) {
      return "";
    }
    int end = url.indexOf('/', start + 3);
    return end < 0 ? url.substring(start + 3) : url.substring(start + 3, end);
  }
}
