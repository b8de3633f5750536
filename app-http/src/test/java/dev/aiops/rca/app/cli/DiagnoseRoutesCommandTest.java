package dev.aiops.rca.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.app.config.ConfigSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code diagnose routes}: where a failure would go, with the docs' example routes file. */
class DiagnoseRoutesCommandTest {

  @TempDir
  Path data;

  private Path routes;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeRoutes() throws IOException {
    routes = data.resolve("routes.yaml");
    try (InputStream in = getClass().getResourceAsStream("/routing/routes.yaml")) {
      Files.write(routes, in.readAllBytes());
    }
  }

  private int diagnose(Map<String, String> extra, String... args) {
    DiagnoseCommand command = new DiagnoseCommand();
    Map<String, String> env = new HashMap<>(Map.of("RCA_DATA_DIR", data.toString(),
        "RCA_ROUTES_FILE", routes.toString(),
        "PD_SALES_ROUTING_KEY", "R0UT1NGKEYSALES00000000000000000",
        "TEAMS_PLATFORM_WEBHOOK", "https://prod-00.westeurope.logic.azure.com/workflows/abc?sig=SECRETSIG"));
    env.putAll(extra);
    command.source = ConfigSource.of(env);
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  @Test
  void should_print_route_owner_priority_runbook_and_destinations_with_secrets_masked() {
    int exit = diagnose(Map.of(), "routes", "--job", "pl_sales_daily", "--source", "adf", "--tags",
        "team=sales,sla=gold", "--category", "TIMEOUT", "--task", "Copy Orders");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains(
        "route:       sales-gold",
        "owner:       sales",
        "priority:    P2",
        "runbook:     https://wiki.example.com/runbooks/sales/TIMEOUT?job=pl_sales_daily&task=Copy%20Orders",
        "slack:       #sales-oncall, mentions U024BE7LH S0614TZR7",
        "pagerduty:   ****",
        "email:       sales-data@example.com",
        "jira:        project SALES, component Pipelines, assignee 5b10ac8d82e05b22cc7d4ef5",
        "servicenow:  assignment group Sales Data");
    assertThat(out.toString()).doesNotContain("R0UT1NGKEY", "SECRETSIG");
  }

  @Test
  void should_show_the_p1_route_and_the_default_runbook_when_a_critical_alert_reported_it() {
    int exit = diagnose(Map.of(), "routes", "--job", "pl_misc", "--source", "adf", "--category", "TIMEOUT",
        "--severity", "Sev0");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("route:       p1-anything", "priority:    P1",
        "runbook:     https://wiki.example.com/runbooks/timeouts", "slack:       #data-incidents");
  }

  @Test
  void should_show_the_default_route_when_nothing_matches() {
    int exit = diagnose(Map.of(), "routes", "--job", "nightly", "--category", "data_quality");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("route:       default", "owner:       (none: no owner tag)",
        "priority:    P4", "runbook:     https://wiki.example.com/runbooks/data-quality?job=nightly",
        "slack:       #data-alerts", "teams:       (none)", "jira:        project (JIRA_PROJECT_KEY)");
  }

  @Test
  void should_refuse_with_every_problem_and_its_line_when_the_routes_file_is_invalid() throws IOException {
    Files.writeString(routes, "routes:\n  - name: a\n    priority: P9\n    jira: {project: lower}\n",
        StandardCharsets.UTF_8);

    int exit = diagnose(Map.of(), "routes", "--job", "x");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("RCA_ROUTES_FILE " + routes + ":3: 'p9' is not a priority",
        "RCA_ROUTES_FILE " + routes + ":4: a Jira project key is upper case");
  }

  @Test
  void should_refuse_an_unknown_category_or_severity() {
    int exit = diagnose(Map.of(), "routes", "--job", "x", "--category", "BROKEN", "--severity", "Sev9");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--category must be one of", "--severity must be Sev0 to Sev4");
  }

  @Test
  void should_read_owner_sla_and_runbook_settings_when_they_are_set() {
    int exit = diagnose(Map.of("RCA_OWNER_TAG_KEYS", "data_owner", "RCA_SLA_TAG_KEY", "tier",
        "RCA_SLA_TIERS", "platinum:1", "RCA_RUNBOOK_URL", "https://wiki.example.com/rb/{category}"),
        "routes", "--job", "nightly", "--tags", "data_owner=fin-ops,tier=platinum", "--category", "CODE_ERROR");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("owner:       fin-ops", "priority:    P1", "route:       p1-anything",
        "runbook:     https://wiki.example.com/rb/CODE_ERROR");
  }

  @Test
  void should_refuse_bad_routing_settings_with_their_names() {
    int exit = diagnose(Map.of("RCA_SLA_TIERS", "gold=1", "RCA_RUNBOOK_URL", "wiki/x",
        "RCA_PRIORITY_RECURRENCE", "1"), "routes", "--job", "x");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("RCA_SLA_TIERS must list value:tier pairs", "RCA_RUNBOOK_URL: a runbook",
        "RCA_PRIORITY_RECURRENCE");
  }
}
