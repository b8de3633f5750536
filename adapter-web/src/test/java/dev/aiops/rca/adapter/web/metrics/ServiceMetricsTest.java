package dev.aiops.rca.adapter.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

  private final ServiceMetrics metrics = new ServiceMetrics();

  @Test
  void should_report_the_models_running_token_totals_when_scraped() {
    AtomicLong input = new AtomicLong(812);
    metrics.tokens(input, "input", AtomicLong::get);
    input.addAndGet(100);

    assertThat(metrics.scrape()).contains("rca_model_tokens_total{direction=\"input\"} 912.0");
  }

  @Test
  void should_still_answer_a_scrape_when_a_gauge_source_fails() {
    metrics.beforeScrape(() -> {
      throw new IllegalStateException("database down");
    });
    metrics.webhook("adf", "accepted");

    assertThat(metrics.scrape()).contains("rca_webhooks_total{outcome=\"accepted\",source=\"adf\"} 1.0");
  }
}
