package dev.aiops.rca.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.web.metrics.ServiceMetrics;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class MeteredIncidentRepositoryTest {

  private final ServiceMetrics metrics = new ServiceMetrics();
  private final InMemoryIncidentRepository store = new InMemoryIncidentRepository();
  private final MeteredIncidentRepository metered = new MeteredIncidentRepository(store,
      new PipelineMeters(metrics.registry()));

  @AfterEach
  void clearContext() {
    MDC.clear();
  }

  @Test
  void should_count_the_analysis_by_model_without_its_token_note_when_an_incident_is_filed() {
    IncidentDraft byRules = Samples.draft("1", 'a', Samples.T0);
    IncidentDraft byModel = new IncidentDraft(RunKey.of(Source.DATABRICKS, "2"), Samples.signature('b'), "etl",
        Samples.T0, withAnalyzer(Samples.analysis(Category.NETWORK, "timeout"),
            "model:gemini:gemini-2.5-flash tokens=812+143"));

    metered.file(byRules);
    metered.file(byModel);

    assertThat(metrics.scrape()).contains(
        "rca_analyses_total{analyzer=\"rules\",category=\"table_or_view_not_found\"} 1.0",
        "rca_analyses_total{analyzer=\"model:gemini:gemini-2.5-flash\",category=\"network\"} 1.0");
    assertThat(MDC.get(MeteredIncidentRepository.MDC_INCIDENT)).isNotBlank();
  }

  private static RootCauseAnalysis withAnalyzer(RootCauseAnalysis a, String analyzer) {
    return new RootCauseAnalysis(a.category(), a.rootCauseLine(), a.failedTask(), a.summary(),
        a.evidence(), a.recommendedActions(), a.entities(), a.confidence(), analyzer, a.classification(), a.flags());
  }
}
