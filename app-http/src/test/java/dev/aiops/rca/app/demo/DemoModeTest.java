package dev.aiops.rca.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.e2e.E2eService;
import dev.aiops.rca.demo.DemoCase;
import dev.aiops.rca.demo.DemoSender;
import dev.aiops.rca.demo.SimulatedPlatforms;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RetryPolicy;
import dev.aiops.rca.domain.Source;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's simulated platforms and sender, through the real adapters and the service as {@code serve} wires it. */
class DemoModeTest {

  @TempDir
  Path data;

  private final List<DemoCase> cases = DemoCase.bundled();
  private final SimulatedPlatforms platforms = SimulatedPlatforms.start(cases);
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    platforms.close();
  }

  @Test
  void should_file_one_ticketed_incident_with_the_recorded_root_cause_per_case_when_the_demo_sends_its_failures()
      throws Exception {
    service = E2eService.start(data, platforms.settings());
    List<String> answers = new DemoSender(service.uri(), E2eService.KEY, platforms.factoryName())
        .send(cases, Duration.ZERO);

    assertThat(answers).hasSize(cases.size()).allSatisfy(answer -> assertThat(answer).contains(": 202 "));
    Set<String> runs = cases.stream().map(DemoCase::runId).collect(Collectors.toSet());
    List<Incident> incidents = DemoMode.awaitTicketed(service.wiring().incidents(), runs, Duration.ofSeconds(20));
    assertThat(incidents).hasSize(cases.size());
    assertThat(incidents).extracting(Incident::source).contains(Source.DATABRICKS, Source.ADF);
    for (DemoCase demoCase : cases) {
      Incident incident = incidents.stream()
          .filter(i -> i.firstRun().runId().value().equals(demoCase.runId())).findFirst().orElseThrow();
      assertThat(incident.analysis().category()).as(demoCase.id()).isNotEqualTo(Category.UNKNOWN);
      assertThat(normalised(incident.analysis().rootCauseLine())).as(demoCase.id())
          .containsPattern(maskable(normalised(demoCase.expectedRootError())));
      assertThat(incident.ticket().orElseThrow().key()).startsWith("RCA-");
    }
    // The analyses came through the adapters' API calls, not from the webhook bodies.
    assertThat(platforms.seen()).contains("GET /api/2.2/jobs/runs/get", "GET /api/2.2/jobs/runs/get-output",
        "POST /" + SimulatedPlatforms.TENANT_ID + "/oauth2/v2.0/token")
        .anySatisfy(request -> assertThat(request).endsWith("/queryActivityruns"));
  }

  @Test
  void should_resolve_the_incidents_on_their_own_when_their_suggested_repair_and_rerun_are_approved()
      throws Exception {
    Map<String, String> settings = new HashMap<>(platforms.settings());
    settings.put("RCA_REMEDIATION_POLL", "1s");
    service = E2eService.start(data, settings, Optional.empty(), UnaryOperator.identity(), RetryPolicy.defaults(),
        true);
    new DemoSender(service.uri(), E2eService.KEY, platforms.factoryName()).send(cases, Duration.ZERO);
    Set<String> runs = cases.stream().map(DemoCase::runId).collect(Collectors.toSet());
    List<Incident> incidents = DemoMode.awaitTicketed(service.wiring().incidents(), runs, Duration.ofSeconds(20));
    // The suggestion follows the ticket and the message: wait for the pipeline to have made it.
    Map<IncidentId, RemediationAction> suggested = new HashMap<>();
    for (Instant deadline = Instant.now().plusSeconds(20); Instant.now().isBefore(deadline)
        && !suggested.values().containsAll(List.of(RemediationAction.REPAIR_FAILED_TASKS,
            RemediationAction.RERUN_FROM_FAILURE)); Thread.sleep(100)) {
      suggested.clear();
      for (Incident incident : incidents) {
        service.wiring().remediationLog().remediations(incident.id()).stream()
            .filter(outcome -> outcome.status() == RemediationStatus.SUGGESTED)
            .forEach(outcome -> suggested.put(incident.id(), outcome.plan().action()));
      }
    }
    assertThat(suggested.values()).as("a repair and a rerun are suggested")
        .contains(RemediationAction.REPAIR_FAILED_TASKS, RemediationAction.RERUN_FROM_FAILURE);
    // A core quota at cluster start is not something a repair cures: nothing is suggested for it.
    assertThat(incidents).filteredOn(incident -> incident.analysis().category() == Category.CLUSTER_LAUNCH_FAILURE)
        .isNotEmpty().allSatisfy(incident -> assertThat(suggested).doesNotContainKey(incident.id()));

    // The webhook key every sender holds may read incidents but not approve what runs against the platforms.
    suggested.forEach((id, action) -> assertThat(service.post("/api/incidents/" + id.value() + "/remediations/"
        + action.name() + "/approve", "{}").statusCode()).as("approve %s of %s", action, id).isEqualTo(403));
    suggested.forEach((id, action) -> assertThat(service.postAsOperator("/api/incidents/" + id.value()
        + "/remediations/" + action.name() + "/approve", "{}").statusCode()).as("approve %s of %s", action, id)
        .isEqualTo(200));

    service.awaitIncidents(list -> list.stream().filter(incident -> suggested.containsKey(incident.id()))
        .allMatch(incident -> incident.status() == IncidentStatus.RESOLVED), Duration.ofSeconds(30));
  }

  @Test
  void should_refuse_the_adapters_when_the_credentials_are_not_the_demo_ones() {
    Map<String, String> settings = new java.util.HashMap<>(platforms.settings());
    settings.put("DATABRICKS_TOKEN", "dapi-someone-elses-token");
    service = E2eService.start(data, settings);

    service.post("/webhooks/databricks", cases.get(0).webhookBody(platforms.factoryName()));

    Incident incident = service.awaitIncidents(list -> list.size() == 1, Duration.ofSeconds(20)).get(0);
    assertThat(incident.analysis().flags()).contains(dev.aiops.rca.domain.AnalysisFlag.DEGRADED_SOURCE);
  }

  @Test
  void should_announce_the_demo_with_the_dashboard_and_read_nothing_but_the_port_when_started() {
    StringWriter terminal = new StringWriter();
    try (DemoMode demo = DemoMode.start(Map.of("RCA_PORT", "8123", "RCA_DB_URL", "jdbc:postgresql://prod/db",
        "DATABRICKS_HOST", "https://adb-1.azuredatabricks.net"), new PrintWriter(terminal))) {
      ConfigSource config = demo.config();

      assertThat(config.get("RCA_DB_URL")).isEmpty();
      assertThat(config.get("RCA_DATA_DIR")).contains("demo-data");
      assertThat(config.get("DATABRICKS_HOST").orElseThrow()).startsWith("http://127.0.0.1:");
      assertThat(config.get("AZURE_MANAGEMENT_URL").orElseThrow()).startsWith("http://127.0.0.1:");
      demo.announce("127.0.0.1", 8123);
      assertThat(terminal.toString()).contains("DEMO MODE", "http://127.0.0.1:8123/",
          "admin / " + config.get("RCA_ADMIN_PASSWORD").orElseThrow());
    }
  }

  /** The expected line as a pattern in which each quoted value may also appear masked by the data redaction. */
  private static Pattern maskable(String expected) {
    StringBuilder pattern = new StringBuilder();
    Matcher quoted = Pattern.compile("'[^']*'").matcher(expected);
    int from = 0;
    while (quoted.find()) {
      pattern.append(Pattern.quote(expected.substring(from, quoted.start())))
          .append("(?:").append(Pattern.quote(quoted.group())).append("|'\\[redacted:data_value]')");
      from = quoted.end();
    }
    return Pattern.compile(pattern.append(Pattern.quote(expected.substring(from))).toString());
  }

  private static String normalised(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip().replaceAll("[.]$", "");
  }
}
