package dev.aiops.rca.app.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aiops.rca.adapter.gemini.LlmStub;
import dev.aiops.rca.adapter.jira.JiraStub;
import dev.aiops.rca.adapter.slack.SlackStub;
import dev.aiops.rca.domain.Category;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The settings that point the service at the vendors' loopback stubs, and the answers the Gemini stub gives. */
final class Vendors {

  static final String GEMINI_KEY = "AIzaSy-e2e-gemini-key-000000000000000";
  static final String JIRA_TOKEN = "ATATT-e2e-jira-token-0000000000";
  static final String SLACK_TOKEN = "xoxb-1-2-e2eSlackBotToken";
  static final String JIRA_PROJECT = "OPS";

  private Vendors() {}

  /** GEMINI_API_KEY and GEMINI_BASE_URL to the stub, as generateContent is served under /v1beta. */
  static Map<String, String> gemini(LlmStub stub) {
    return Map.of("GEMINI_API_KEY", GEMINI_KEY, "GEMINI_BASE_URL", stub.baseUrl() + "/v1beta");
  }

  /** ITSM_TOOL=jira against the stub, as a Cloud site (e-mail and API token, REST v3). */
  static Map<String, String> jira(JiraStub stub) {
    return Map.of("ITSM_TOOL", "jira", "JIRA_DOMAIN", stub.uri().toString(), "JIRA_USER_EMAIL", "rca@acme.example",
        "JIRA_API_TOKEN", JIRA_TOKEN, "JIRA_PROJECT_KEY", JIRA_PROJECT);
  }

  static Map<String, String> slack(SlackStub stub) {
    return Map.of("SLACK_BOT_TOKEN", SLACK_TOKEN, "SLACK_ALERT_CHANNEL", SlackStub.CHANNEL_ID, "SLACK_API_URL",
        stub.uri().toString());
  }

  /** A generateContent answer whose text is the RCA JSON the prompt asks for. */
  static LlmStub.Answer geminiAnswer(Category category, String rootCause, String summary, List<String> actions) {
    String text;
    try {
      text = LlmStub.JSON.writeValueAsString(Map.of("category", category.name(), "rootCause", rootCause,
          "summary", summary, "recommendedActions", actions, "confidence", 0.9));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return LlmStub.Answer.json(200, Map.of(
        "candidates", List.of(Map.of("content", Map.of("parts", List.of(Map.of("text", text)), "role", "model"),
            "finishReason", "STOP", "index", 0)),
        "usageMetadata", Map.of("promptTokenCount", 812, "candidatesTokenCount", 143, "totalTokenCount", 955),
        "modelVersion", "gemini-2.5-flash", "responseId", "e2e"));
  }

  /** What Gemini answers when it is overloaded. */
  static LlmStub.Answer geminiUnavailable() {
    return LlmStub.Answer.json(503, "{\"error\":{\"code\":503,\"message\":\"The model is overloaded. Please try "
        + "again later.\",\"status\":\"UNAVAILABLE\"}}");
  }

  /** A legacy-shape Databricks failure webhook, analysed from its own fields when no workspace is configured. */
  static String legacyWebhook(long runId, String jobName, String error) {
    try {
      return LlmStub.JSON.writeValueAsString(Map.of("event", "on_failure", "run_id", runId, "job_id", 7,
          "job_name", jobName, "error_message", error));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Merges settings maps; later maps win. */
  @SafeVarargs
  static Map<String, String> settings(Map<String, String>... parts) {
    Map<String, String> all = new HashMap<>();
    for (Map<String, String> part : parts) {
      all.putAll(part);
    }
    return all;
  }
}
