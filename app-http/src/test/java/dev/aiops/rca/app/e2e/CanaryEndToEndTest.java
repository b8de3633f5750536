package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.gemini.LlmStub;
import dev.aiops.rca.adapter.jira.JiraStub;
import dev.aiops.rca.adapter.slack.SlackStub;
import dev.aiops.rca.core.redaction.CanaryCorpus;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.Incident;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The redaction canaries through the whole service (issue 7): a Databricks run whose task output and states hold
 * every planted secret, analysed with the model, ticketed in Jira and announced in Slack; nothing that leaves the
 * service, and nothing it logs, may still read a secret.
 */
class CanaryEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path data;

  private final LlmStub gemini = new LlmStub(Vendors.geminiAnswer(Category.TABLE_OR_VIEW_NOT_FOUND,
      "The table prod.users does not exist.", "The users table is missing.", List.of("Restore prod.users")));
  private final JiraStub jira = new JiraStub(Vendors.JIRA_PROJECT);
  private final SlackStub slack = new SlackStub();
  private final DatabricksStub databricks = new DatabricksStub();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger ours = (Logger) LoggerFactory.getLogger("dev.aiops");
  private final List<Appender<ILoggingEvent>> consoles = new ArrayList<>();
  private Level rootLevel;
  private Level ourLevel;
  private E2eService service;

  @BeforeEach
  void captureLogs() {
    rootLevel = root.getLevel();
    ourLevel = ours.getLevel();
    // DEBUG everywhere and TRACE for our own classes: the adapters' call logs, and the prompts and answers.
    root.setLevel(Level.DEBUG);
    ours.setLevel(Level.TRACE);
    // The console would print every prompt at TRACE into the build's output; the list appender sees it all.
    root.iteratorForAppenders().forEachRemaining(consoles::add);
    consoles.forEach(root::detachAppender);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    root.detachAppender(logs);
    consoles.forEach(root::addAppender);
    root.setLevel(rootLevel);
    ours.setLevel(ourLevel);
    gemini.close();
    jira.close();
    slack.close();
    databricks.close();
  }

  @Test
  void should_let_no_canary_out_in_any_request_or_log_line_when_the_run_is_full_of_secrets() {
    databricks.run("455644833", runWithEvidenceInTheTaskStates()).output("455644902", outputWithEvidence());
    service = E2eService.start(data, Vendors.settings(Vendors.gemini(gemini), Vendors.jira(jira),
        Vendors.slack(slack), Map.of(
            "DATABRICKS_HOST", databricks.uri().toString(),
            // The service's own secret, which only the known-secrets rule can catch in an error text.
            "DATABRICKS_TOKEN", List.copyOf(CanaryCorpus.knownSecrets()).get(0))));

    service.post("/webhooks/databricks", "{\"event\":\"on_failure\",\"run_id\":455644833,\"job_id\":11223344,"
        + "\"job_name\":\"etl_orders\",\"error_message\":" + quoted(CanaryCorpus.evidence()) + "}");

    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent()
        && list.get(0).notification().isPresent(), Duration.ofSeconds(30)).get(0);
    assertThat(incident.analysis().analyzer()).startsWith("model:");
    String prompts = gemini.seen().stream().map(LlmStub.Seen::body).collect(Collectors.joining("\n"));
    String jiraBodies = jira.seen().stream().map(JiraStub.Seen::body).collect(Collectors.joining("\n"));
    String slackBodies = slack.seen().stream().map(s -> s.form().toString()).collect(Collectors.joining("\n"));
    // The evidence did travel, as placeholders: the test would pass vacuously if nothing had been sent.
    assertThat(prompts).contains("[REDACTED:", "load_users");
    assertThat(jira.seen("POST", "/rest/api/3/issue")).hasSize(1);
    assertThat(slack.seen("chat.postMessage")).hasSize(1);

    assertThat(CanaryCorpus.survivorsIn(prompts)).as("canaries in the model's prompts").isEmpty();
    assertThat(CanaryCorpus.survivorsIn(jiraBodies)).as("canaries in Jira requests").isEmpty();
    assertThat(CanaryCorpus.survivorsIn(slackBodies)).as("canaries in Slack requests").isEmpty();
    String logged = logs.list.stream().map(CanaryEndToEndTest::render).collect(Collectors.joining("\n"));
    assertThat(logs.list).isNotEmpty();
    assertThat(CanaryCorpus.survivorsIn(logged)).as("canaries in the log").isEmpty();
  }

  @Test
  void should_keep_no_canary_in_the_database_file_when_the_webhooks_were_full_of_secrets() throws IOException {
    databricks.run("455644833", runWithEvidenceInTheTaskStates()).output("455644902", outputWithEvidence());
    service = E2eService.start(data, Vendors.settings(Vendors.gemini(gemini), Vendors.jira(jira),
        Vendors.slack(slack), Map.of(
            "DATABRICKS_HOST", databricks.uri().toString(),
            "DATABRICKS_TOKEN", List.copyOf(CanaryCorpus.knownSecrets()).get(0))));

    service.post("/webhooks/databricks", "{\"event\":\"on_failure\",\"run_id\":455644833,\"job_id\":11223344,"
        + "\"job_name\":\"etl_orders\",\"error_message\":" + quoted(CanaryCorpus.evidence()) + "}");
    // A body that is no webhook is kept as a rejected delivery: redacted as well.
    service.post("/webhooks/databricks", "{\"event\":\"on_failure\",\"note\":"
        + quoted(CanaryCorpus.evidence()) + "}");

    // The body read back from the inbox, redacted, still makes the run's incident.
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent()
        && list.get(0).notification().isPresent(), Duration.ofSeconds(30)).get(0);
    assertThat(incident.firstRun().runId().value()).isEqualTo("455644833");
    assertThat(incident.jobName()).isEqualTo("etl_orders");
    service.awaitSettled(Duration.ofSeconds(10));
    assertThat(service.wiring().deliveries().counts().get(DeliveryStatus.REJECTED)).isEqualTo(1);
    service.close();
    service = null;

    Path file = data.resolve("rca.mv.db");
    String stored = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    assertThat(stored).contains("etl_orders", "[REDACTED:");
    assertThat(CanaryCorpus.survivorsIn(stored)).as("canaries in the H2 file").isEmpty();
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }
  }

  private static String render(ILoggingEvent event) {
    String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " " + thrown;
  }

  /** The multi-task run, its failed task's state and termination messages carrying the corpus. */
  private static String runWithEvidenceInTheTaskStates() {
    try {
      ObjectNode run = (ObjectNode) JSON.readTree(fixture("runs-get-multitask-failed.json"));
      ObjectNode transform = (ObjectNode) run.path("tasks").get(1);
      ((ObjectNode) transform.path("state")).put("state_message", CanaryCorpus.evidence());
      ((ObjectNode) transform.path("status").path("termination_details")).put("message", CanaryCorpus.evidence());
      return run.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The failed task's output, its error and trace being the corpus. */
  private static String outputWithEvidence() {
    try {
      ObjectNode output = (ObjectNode) JSON.readTree(fixture("runs-get-output-notebook-table-not-found.json"));
      output.put("error", CanaryCorpus.evidence());
      output.put("error_trace", CanaryCorpus.evidence());
      output.put("logs", CanaryCorpus.evidence());
      return output.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
