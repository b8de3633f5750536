package dev.aiops.rca.adapter.adf;

import static dev.aiops.rca.adapter.adf.AdfStub.fixture;
import static dev.aiops.rca.adapter.adf.AdfStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdfCostTagsTest {

  private static final List<String> KEYS = AdfSettings.DEFAULT_COST_TAG_KEYS;

  @Test
  void should_find_no_tags_when_neither_parameters_nor_annotations_name_a_key() {
    assertThat(AdfCostTags.from(json(fixture("pipelinerun-get-failed.json")), KEYS)).isEmpty();
    assertThat(AdfCostTags.from(json(fixture("pipelineruns-get-spec-example-response.json")), KEYS)).isEmpty();
  }

  @Test
  void should_take_parameters_before_annotations_in_the_order_of_the_keys() {
    String run = "{\"parameters\":{\"team\":\"from-parameter\",\"other\":\"x\",\"CostCenter\":\"\"},"
        + "\"annotations\":[\"sales\",\"team=from-annotation\",\"CostCenter: CC-9\",\"cost_center=\","
        + "{\"name\":\"cost_center\",\"value\":\"cc-1\"}]}";

    assertThat(AdfCostTags.from(json(run), KEYS)).containsExactly(Map.entry("cost_center", "cc-1"),
        Map.entry("CostCenter", "CC-9"), Map.entry("team", "from-parameter"));
  }
}
