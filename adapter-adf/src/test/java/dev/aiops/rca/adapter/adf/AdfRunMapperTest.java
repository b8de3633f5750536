package dev.aiops.rca.adapter.adf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.FailedRun;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdfRunMapperTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void should_map_activities_with_errors_settings_and_their_foreach_parent() throws Exception {
    JsonNode pipelineRun = json.readTree("""
        {"runId": "r1", "pipelineName": "PL", "status": "Failed", "runStart": "2024-05-14T02:00:03Z",
         "message": "Operation on target ForEach T failed: boom"}
        """);
    List<JsonNode> activities = List.of(
        json.readTree("{\"activityName\": \"ForEach T\", \"activityType\": \"ForEach\", \"status\": \"Failed\","
            + " \"input\": {\"batchCount\": 8}, \"error\": {\"errorCode\": \"ActionFailed\", \"message\":"
            + " \"Activity failed because an inner activity failed; Inner activity name: Copy T, Error: boom\"}}"),
        json.readTree("{\"activityName\": \"Copy T\", \"activityType\": \"Copy\", \"status\": \"Failed\","
            + " \"output\": {\"effectiveIntegrationRuntime\": \"SHIR-1\", \"billingReference\": {}},"
            + " \"error\": {\"errorCode\": \"2200\", \"message\": \"boom\", \"failureType\": \"UserError\"}}"));

    FailedRun run = new AdfRunMapper().map(AdfRunMapper.eventFrom(pipelineRun, "adf-1", Instant.EPOCH, "{}"),
        pipelineRun, activities);

    assertThat(run.event().occurredAt()).isEqualTo(Instant.parse("2024-05-14T02:00:03Z"));
    assertThat(run.tasks().get(0).details()).containsEntry("batchCount", "8");
    assertThat(run.tasks().get(1).parent()).contains("ForEach T");
    assertThat(run.tasks().get(1).details()).containsEntry("effectiveIntegrationRuntime", "SHIR-1")
        .doesNotContainKey("billingReference");
    assertThat(run.tasks().get(1).error()).hasValueSatisfying(e -> {
      assertThat(e.code()).isEqualTo("2200");
      assertThat(e.failureType()).isEqualTo("UserError");
    });
  }
}
