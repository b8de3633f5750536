package dev.aiops.rca.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PipelineMetersTest {

  @Test
  void should_name_one_series_per_model_when_the_analyzer_carries_token_counts() {
    assertThat(PipelineMeters.analyzerLabel("model:gemini:gemini-2.5-flash tokens=812+143"))
        .isEqualTo("model:gemini:gemini-2.5-flash");
    assertThat(PipelineMeters.analyzerLabel("rules")).isEqualTo("rules");
  }
}
