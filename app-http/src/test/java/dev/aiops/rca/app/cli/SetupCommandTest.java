package dev.aiops.rca.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.app.Main;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.demo.DemoCase;
import dev.aiops.rca.demo.SimulatedPlatforms;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code setup}: flags or answers in, a checked owner-only .env out, and no secret on the terminal. */
class SetupCommandTest {

  private static final String DBX_TOKEN = "dapi-setup-test-token-000000000000";
  private static final String LLM_KEY = "AIza-setup-test-key-1111111111";
  private static final String SLACK_TOKEN = "xoxb-setup-test-2222222222";
  private static final String JIRA_TOKEN = "jira-setup-test-token-3333333333";

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String stdin, String... args) {
    CommandLine setup = new CommandLine(new SetupCommand(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), () -> null));
    setup.setOut(new PrintWriter(out, true));
    setup.setErr(new PrintWriter(err, true));
    return setup.execute(args);
  }

  private Map<String, String> written(Path file) throws Exception {
    Map<String, String> values = new java.util.HashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.startsWith("#") && line.contains("=")) {
        values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1).replace("\"", ""));
      }
    }
    return values;
  }

  private String terminal() {
    return out + "\n" + err;
  }

  @Test
  void should_write_every_key_owner_only_without_showing_a_secret_when_run_with_flags() throws Exception {
    Path env = dir.resolve(".env");

    int exit = run("", "--non-interactive", "--skip-checks", "--env-file", env.toString(),
        "--databricks-host", "https://adb-123.4.azuredatabricks.net", "--databricks-token", DBX_TOKEN,
        "--llm-provider", "gemini", "--llm-key", LLM_KEY,
        "--itsm", "jira", "--jira-domain", "https://acme.atlassian.net", "--jira-project-key", "OPS",
        "--jira-email", "ops@acme.example", "--jira-token", JIRA_TOKEN,
        "--slack-token", SLACK_TOKEN, "--slack-channel", "#data-alerts");

    assertThat(exit).as(terminal()).isZero();
    assertThat(written(env)).containsEntry("DATABRICKS_HOST", "https://adb-123.4.azuredatabricks.net")
        .containsEntry("DATABRICKS_TOKEN", DBX_TOKEN).containsEntry("LLM_PROVIDER", "gemini")
        .containsEntry("GEMINI_API_KEY", LLM_KEY).containsEntry("ITSM_TOOL", "jira")
        .containsEntry("JIRA_DOMAIN", "https://acme.atlassian.net").containsEntry("JIRA_PROJECT_KEY", "OPS")
        .containsEntry("JIRA_USER_EMAIL", "ops@acme.example").containsEntry("JIRA_API_TOKEN", JIRA_TOKEN)
        .containsEntry("SLACK_BOT_TOKEN", SLACK_TOKEN).containsEntry("SLACK_ALERT_CHANNEL", "#data-alerts");
    if (env.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
    }
    assertThat(out.toString()).contains("Start the service with: java -jar app-http/target/rca-assistant.jar serve");
    assertThat(terminal()).contains("DATABRICKS_TOKEN", "Wrote")
        .doesNotContain(DBX_TOKEN, LLM_KEY, SLACK_TOKEN, JIRA_TOKEN);
  }

  @Test
  void should_write_the_signing_secret_and_approvers_without_showing_the_secret_when_slack_approvals_are_asked()
      throws Exception {
    Path env = dir.resolve(".env");
    String signing = "8f742231b10e8888abcd99setup0000";

    int exit = run("", "--non-interactive", "--skip-checks", "--env-file", env.toString(),
        "--slack-token", SLACK_TOKEN, "--slack-channel", "#data-alerts", "--slack-signing-secret", signing,
        "--approvers", "U0123ABCD,oncall@acme.example");

    assertThat(exit).as(terminal()).isZero();
    assertThat(written(env)).containsEntry("SLACK_SIGNING_SECRET", signing)
        .containsEntry("RCA_APPROVERS", "U0123ABCD,oncall@acme.example");
    assertThat(terminal()).doesNotContain(signing, SLACK_TOKEN);
  }

  @Test
  void should_write_the_teams_webhook_and_pagerduty_key_saying_only_their_form_was_checked() throws Exception {
    Path env = dir.resolve(".env");
    String webhook = "https://acme.webhook.office.com/webhookb2/1/IncomingWebhook/2/s3cr3tSignature";
    String key = "R0123456789abcdef0123456789ABCDE";

    int exit = run("", "--non-interactive", "--env-file", env.toString(), "--teams-webhook", webhook,
        "--pagerduty-routing-key", key);

    assertThat(exit).as(terminal()).isZero();
    assertThat(written(env)).containsEntry("TEAMS_WEBHOOK_URL", webhook).containsEntry("PAGERDUTY_ROUTING_KEY", key);
    assertThat(out.toString()).contains("Microsoft Teams: webhook URL well formed; not called",
        "PagerDuty: routing key well formed; not called");
    assertThat(terminal()).doesNotContain("s3cr3tSignature", key);
  }

  @Test
  void should_write_nothing_when_the_teams_webhook_is_not_https_or_the_routing_key_is_not_32_characters() {
    Path env = dir.resolve(".env");

    int exit = run("", "--non-interactive", "--env-file", env.toString(), "--teams-webhook",
        "http://acme.webhook.office.com/webhookb2/s3cr3tSignature", "--pagerduty-routing-key", "s3cr3t-short");

    assertThat(exit).isEqualTo(2);
    assertThat(env).doesNotExist();
    assertThat(terminal()).contains("TEAMS_WEBHOOK_URL", "PAGERDUTY_ROUTING_KEY").doesNotContain("s3cr3t");
  }

  @Test
  void should_write_the_answers_and_keep_other_settings_when_the_answers_come_on_stdin() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "RCA_PORT=9000\n");
    String answers = String.join("\n",
        "https://adb-123.4.azuredatabricks.net", DBX_TOKEN, // Databricks
        "", // no Data Factory
        "openai", LLM_KEY, // model
        "builtin", // tracker
        "", // no Slack
        "");

    int exit = run(answers, "--skip-checks", "--env-file", env.toString());

    assertThat(exit).as(terminal()).isZero();
    assertThat(written(env)).containsEntry("RCA_PORT", "9000").containsEntry("DATABRICKS_TOKEN", DBX_TOKEN)
        .containsEntry("LLM_PROVIDER", "openai").containsEntry("OPENAI_API_KEY", LLM_KEY)
        .containsEntry("ITSM_TOOL", "builtin").doesNotContainKeys("AZURE_SUBSCRIPTION_ID", "SLACK_BOT_TOKEN");
    assertThat(out.toString()).contains("Databricks personal access token", "openai API key")
        .doesNotContain(DBX_TOKEN, LLM_KEY);
  }

  @Test
  void should_save_only_after_databricks_and_data_factory_answer_when_checks_run() throws Exception {
    try (SimulatedPlatforms platforms = SimulatedPlatforms.start(DemoCase.bundled())) {
      Map<String, String> s = platforms.settings();
      Path env = dir.resolve(".env");

      // The simulation stands in for Azure through the file's endpoint overrides, which setup keeps.
      Files.writeString(env, "AZURE_AUTHORITY_HOST=" + s.get("AZURE_AUTHORITY_HOST") + "\nAZURE_MANAGEMENT_URL="
          + s.get("AZURE_MANAGEMENT_URL") + "\n");

      int exit = run("", "--non-interactive", "--env-file", env.toString(),
          "--databricks-host", s.get("DATABRICKS_HOST"), "--databricks-token", s.get("DATABRICKS_TOKEN"),
          "--azure-subscription-id", s.get("AZURE_SUBSCRIPTION_ID"), "--azure-resource-group",
          s.get("ADF_RESOURCE_GROUP"), "--azure-factory-name", s.get("ADF_FACTORY_NAME"),
          "--azure-tenant-id", s.get("AZURE_TENANT_ID"), "--azure-client-id", s.get("AZURE_CLIENT_ID"),
          "--azure-client-secret", s.get("AZURE_CLIENT_SECRET"));

      assertThat(exit).as(terminal()).isZero();
      assertThat(out.toString()).contains("ok      Databricks", "ok      Data Factory adf-rca-demo")
          .doesNotContain(s.get("DATABRICKS_TOKEN"), s.get("AZURE_CLIENT_SECRET"));
      assertThat(written(env)).containsEntry("ADF_FACTORY_NAME", "adf-rca-demo")
          .containsKey("AZURE_MANAGEMENT_URL");
    }
  }

  @Test
  void should_write_nothing_and_say_which_check_failed_when_the_token_is_refused() throws Exception {
    try (SimulatedPlatforms platforms = SimulatedPlatforms.start(DemoCase.bundled())) {
      Path env = dir.resolve(".env");

      int exit = run("", "--non-interactive", "--env-file", env.toString(),
          "--databricks-host", platforms.settings().get("DATABRICKS_HOST"), "--databricks-token", DBX_TOKEN);

      assertThat(exit).isEqualTo(4);
      assertThat(env).doesNotExist();
      assertThat(out.toString()).contains("FAILED  Databricks", "DATABRICKS_TOKEN").doesNotContain(DBX_TOKEN);
      assertThat(err.toString()).contains("--skip-checks");
    }
  }

  @Test
  void should_refuse_a_line_break_in_a_secret_flag_so_that_it_cannot_add_a_setting() {
    Path env = dir.resolve(".env");

    int exit = run("", "--non-interactive", "--skip-checks", "--env-file", env.toString(),
        "--databricks-host", "https://adb-123.4.azuredatabricks.net", "--databricks-token", "x\nRCA_API_KEY=evil");

    assertThat(exit).isEqualTo(2);
    assertThat(env).doesNotExist();
    assertThat(err.toString().strip()).doesNotContain("\n", "evil")
        .contains("Nothing written", "DATABRICKS_TOKEN", "control character (U+000A)");
  }

  @Test
  void should_refuse_an_escape_or_nul_in_an_answer() {
    Path env = dir.resolve(".env");

    int exit = run("https://adb-123.4.azuredatabricks.net\n\u001b[31mtoken\u0000\n", "--skip-checks",
        "--env-file", env.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(env).doesNotExist();
    assertThat(err.toString().strip()).doesNotContain("\n", "token")
        .contains("the answer for DATABRICKS_TOKEN holds a control character (U+001B)");
  }

  @Test
  void should_read_back_a_value_with_quotes_hash_equals_backslash_and_spaces_exactly() throws Exception {
    Path env = dir.resolve(".env");
    String secret = "a \"quoted\" #not-a-comment = x=y \\\" 'single' \\";

    int exit = run("", "--non-interactive", "--skip-checks", "--env-file", env.toString(),
        "--databricks-host", "https://adb-123.4.azuredatabricks.net", "--databricks-token", secret);

    assertThat(exit).as(terminal()).isZero();
    assertThat(Files.readAllLines(env)).filteredOn(line -> line.startsWith("DATABRICKS_TOKEN=")).hasSize(1);
    ConfigSource read = ConfigSource.load(Map.of(), env);
    assertThat(read.get("DATABRICKS_TOKEN")).contains(secret);
    assertThat(read.get("DATABRICKS_HOST")).contains("https://adb-123.4.azuredatabricks.net");
  }

  @Test
  void should_save_a_routes_file_only_when_it_is_valid_and_name_each_problem_by_line() throws Exception {
    Path env = dir.resolve(".env");
    Path routes = dir.resolve("routes.yaml");
    Files.writeString(routes, "routes:\n  - name: sales\n    match: {tags: {team: sales}}\n"
        + "    slack: {channel: \"#sales\"}\n  - name: broken\n    priority: P7\n", StandardCharsets.UTF_8);

    int refused = run("", "--non-interactive", "--skip-checks", "--env-file", env.toString(),
        "--routes-file", routes.toString(), "--owner-tag-keys", "owner,squad");

    assertThat(refused).isEqualTo(2);
    assertThat(err.toString()).contains("Nothing written", routes + ":6: 'p7' is not a priority");
    assertThat(env).doesNotExist();

    Files.writeString(routes, "routes:\n  - name: sales\n    match: {tags: {team: sales}}\n"
        + "    slack: {channel: \"#sales\"}\n", StandardCharsets.UTF_8);
    int exit = run("", "--non-interactive", "--skip-checks", "--env-file", env.toString(),
        "--routes-file", routes.toString(), "--owner-tag-keys", "owner,squad",
        "--runbook-url", "https://wiki.example.com/rb/{category}");

    assertThat(exit).as(terminal()).isZero();
    assertThat(out.toString()).contains("routes: " + routes + " has 1 route(s) and the default");
    assertThat(written(env)).containsEntry("RCA_ROUTES_FILE", routes.toString())
        .containsEntry("RCA_OWNER_TAG_KEYS", "owner,squad")
        .containsEntry("RCA_RUNBOOK_URL", "https://wiki.example.com/rb/{category}");
  }

  @Test
  void should_list_setup_among_the_commands() {
    assertThat(Main.commandLine().getSubcommands()).containsKey("setup");
  }
}
