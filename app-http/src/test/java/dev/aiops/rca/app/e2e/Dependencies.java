package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.databricks.DatabricksSettings;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.gemini.LlmStub;
import dev.aiops.rca.adapter.jira.JiraSettings;
import dev.aiops.rca.adapter.jira.JiraStub;
import dev.aiops.rca.adapter.slack.SlackStub;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.Integrations;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every outside system the service talks to, as loopback stubs with scripted failures: the Databricks workspace,
 * the model (Gemini's wire format), Jira and Slack; with the settings that point the service at them, and adapter
 * retries shortened so that a recovery takes well under a second.
 */
final class Dependencies implements AutoCloseable {

  /** The run of {@link #WEBHOOK}: a multi-task job whose {@code transform} task failed. */
  static final String RUN = "455644833";
  static final String WEBHOOK = fixture("webhook-job-failure.json");
  static final String DATABRICKS_TOKEN = "dapi-fault-token-0123456789abcdef";
  static final String GEMINI_KEY = "AIza-fault-gemini-key-0123456789";
  static final String JIRA_TOKEN = "ATATT-fault-jira-token-0123456789";
  static final String SLACK_TOKEN = "xoxb-fault-slack-token-0123456789";
  static final String ROOT_CAUSE = "org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or "
      + "view `prod`.`sales`.`customers` cannot be found. Verify the spelling and correctness of the schema and "
      + "catalog. SQLSTATE: 42P01";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL_ANSWER = "{\"category\":\"TABLE_OR_VIEW_NOT_FOUND\",\"rootCause\":"
      + quote(ROOT_CAUSE) + ",\"summary\":\"The transform task reads prod.sales.customers, which does not exist.\","
      + "\"recommendedActions\":[\"Create prod.sales.customers or fix the name in ETL_Transform.\"],"
      + "\"confidence\":0.85}";

  final DatabricksStub databricks = new DatabricksStub();
  final LlmStub model = new LlmStub(modelAnswer());
  final JiraStub jira = new JiraStub("OPS");
  final SlackStub slack = new SlackStub();

  Dependencies() {
    databricks.run(RUN, fixture("runs-get-multitask-failed.json")).output("455644902", py4jOutput());
  }

  /** The settings that point the service at the stubs, with a secret for each. */
  Map<String, String> settings() {
    return Map.ofEntries(
        Map.entry("DATABRICKS_HOST", databricks.uri().toString()),
        Map.entry("DATABRICKS_TOKEN", DATABRICKS_TOKEN),
        Map.entry("LLM_PROVIDER", "gemini"),
        Map.entry("GEMINI_API_KEY", GEMINI_KEY),
        Map.entry("GEMINI_BASE_URL", model.baseUrl() + "/v1beta"),
        Map.entry("ITSM_TOOL", "jira"),
        Map.entry("JIRA_DOMAIN", jira.uri().toString()),
        Map.entry("JIRA_PROJECT_KEY", "OPS"),
        Map.entry("JIRA_USER_EMAIL", "rca@example.com"),
        Map.entry("JIRA_API_TOKEN", JIRA_TOKEN),
        Map.entry("SLACK_BOT_TOKEN", SLACK_TOKEN),
        Map.entry("SLACK_ALERT_CHANNEL", "#rca-alerts"),
        Map.entry("SLACK_API_URL", slack.uri().toString()));
  }

  /**
   * The configuration with each adapter's retries shortened (no setting reaches them): a Databricks request times
   * out after 1 s, and every adapter waits at most 300 ms between its attempts.
   */
  static AppConfig fastRetries(AppConfig config) {
    Integrations in = config.integrations();
    Duration wait = Duration.ofMillis(300);
    Integrations fast = new Integrations(
        in.databricks().map(d -> new DatabricksSettings(d.host(), d.credentials(), Duration.ofSeconds(1),
            d.maxAttempts(), wait)),
        in.adf(),
        in.llm().map(l -> l.withRetries(l.maxAttempts(), wait)),
        in.itsmTool(),
        in.jira().map(j -> new JiraSettings(j.domain(), j.auth(), j.projectKey(), j.issueType(), j.apiVersion(),
            j.reopen(), j.setPriority(), j.occurrenceField(), j.dashboardUrl(), j.requestTimeout(), j.maxAttempts(),
            wait, j.doneTransition(), j.priorityNames())),
        in.serviceNow(), in.slack(), in.email(), in.remediation(), in.costTagKeys(), in.redactDataValues(),
        in.dashboardUrl(), in.followUp(), in.recovery(), in.ticketSync(), in.slackInteractions(),
        in.notifiers());
    return new AppConfig(config.port(), config.dataDir(), config.apiKey(), config.database(), config.workers(),
        config.inboxRetention(), fast, config.reconcileInterval(), config.flood(), config.routing());
  }

  /** Every secret {@link #settings()} holds. */
  static List<String> secrets() {
    return List.of(DATABRICKS_TOKEN, GEMINI_KEY, JIRA_TOKEN, SLACK_TOKEN, E2eService.KEY);
  }

  /** The answers Slack gave that posted a message. */
  long messagesPosted() {
    return slack.seen("chat.postMessage").size();
  }

  private static LlmStub.Answer modelAnswer() {
    return LlmStub.Answer.json(200, Map.of(
        "candidates", List.of(Map.of("content", Map.of("parts", List.of(Map.of("text", MODEL_ANSWER)),
            "role", "model"), "finishReason", "STOP", "index", 0)),
        "usageMetadata", Map.of("promptTokenCount", 420, "candidatesTokenCount", 80, "totalTokenCount", 500),
        "modelVersion", "gemini-2.5-flash", "responseId", "r-1"));
  }

  private static String py4jOutput() {
    try {
      ObjectNode output = (ObjectNode) JSON.readTree(fixture("runs-get-output-notebook-table-not-found.json"));
      output.put("error", "Py4JJavaError: An error occurred while calling o412.saveAsTable.");
      output.put("error_trace", String.join("\n",
          "Py4JJavaError                             Traceback (most recent call last)",
          "File /Workspace/Repos/etl/ETL_Transform:42",
          "Py4JJavaError: An error occurred while calling o412.saveAsTable.",
          ": " + ROOT_CAUSE,
          "\tat org.apache.spark.sql.catalyst.analysis.package$AnalysisErrorAt.tableNotFound(package.scala:87)"));
      return output.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    databricks.close();
    model.close();
    jira.close();
    slack.close();
  }
}
