package dev.aiops.rca.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

  @Test
  void should_use_embedded_defaults_when_nothing_is_set() {
    AppConfig config = AppConfig.from(ConfigSource.of(Map.of()));

    assertThat(config.port()).isEqualTo(8000);
    assertThat(config.itsmTool()).isEqualTo("builtin");
    assertThat(config.integrations().databricks()).isEmpty();
    assertThat(config.integrations().llm()).isEmpty();
    assertThat(config.integrations().slack()).isEmpty();
    assertThat(config.apiKey()).isEmpty();
  }

  @Test
  void should_refuse_an_api_key_shorter_than_24_characters() {
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("RCA_API_KEY", "abc"))))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("RCA_API_KEY must be at least 24 characters long, was 3")
        .message().doesNotContain("abc");
    assertThat(AppConfig.from(ConfigSource.of(Map.of("RCA_API_KEY", "x".repeat(24)))).apiKey()).isPresent();
  }

  @Test
  void should_accept_the_key_the_service_generates(@TempDir Path data) {
    String generated = GeneratedApiKey.loadOrCreate(data).key().reveal();

    assertThat(AppConfig.from(ConfigSource.of(Map.of("RCA_API_KEY", generated))).apiKey()).isPresent();
  }

  @Test
  void should_list_every_problem_when_several_settings_are_wrong() {
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of(
        "RCA_PORT", "eighty",
        "DATABRICKS_HOST", "adb-1.azuredatabricks.net",
        "ITSM_TOOL", "remedy",
        "SLACK_ALERT_CHANNEL", "#alerts",
        "RCA_LOG_FORMAT", "jsn"))))
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).hasSize(5))
        .hasMessageContaining("RCA_PORT")
        .hasMessageContaining("DATABRICKS_TOKEN")
        .hasMessageContaining("ITSM_TOOL")
        .hasMessageContaining("SLACK_BOT_TOKEN")
        .hasMessageContaining("RCA_LOG_FORMAT");
  }

  @Test
  void should_take_slack_approvals_and_show_the_buttons_when_the_signing_secret_and_approvers_are_set() {
    AppConfig config = AppConfig.from(ConfigSource.of(Map.of(
        "SLACK_BOT_TOKEN", "xoxb-123", "SLACK_ALERT_CHANNEL", "#alerts",
        "SLACK_SIGNING_SECRET", "signing-secret-0123456789",
        "RCA_APPROVERS", "U0123ABCD, Oncall@Acme.Example")));

    assertThat(config.integrations().slackInteractions()).hasValueSatisfying(i -> {
      assertThat(i.approvers().userIds()).containsExactly("U0123ABCD");
      assertThat(i.approvers().emails()).containsExactly("oncall@acme.example");
    });
    assertThat(config.integrations().slack().orElseThrow().approvalButtons()).isTrue();
    String printed = String.join("\n", config.describe()) + config;
    assertThat(printed).contains("slack approvals: POST /slack/interactions", "1 Slack user id(s)")
        .doesNotContain("signing-secret-0123456789", "U0123ABCD", "oncall@");
  }

  @Test
  void should_leave_slack_approvals_off_and_the_buttons_away_when_the_signing_secret_or_the_approvers_are_missing() {
    AppConfig off = AppConfig.from(ConfigSource.of(Map.of("SLACK_BOT_TOKEN", "xoxb-123",
        "SLACK_ALERT_CHANNEL", "#alerts")));
    AppConfig nobody = AppConfig.from(ConfigSource.of(Map.of("SLACK_BOT_TOKEN", "xoxb-123",
        "SLACK_ALERT_CHANNEL", "#alerts", "SLACK_SIGNING_SECRET", "signing-secret-0123456789")));

    assertThat(off.integrations().slackInteractions()).isEmpty();
    assertThat(off.integrations().slack().orElseThrow().approvalButtons()).isFalse();
    assertThat(String.join("\n", off.describe())).contains("slack approvals: off (SLACK_SIGNING_SECRET not set");
    assertThat(nobody.integrations().slackInteractions()).isPresent();
    assertThat(nobody.integrations().slack().orElseThrow().approvalButtons()).isFalse();
  }

  @Test
  void should_refuse_to_start_when_approvers_come_without_a_signing_secret_or_are_not_ids_or_addresses() {
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("SLACK_BOT_TOKEN", "xoxb-123",
        "SLACK_ALERT_CHANNEL", "#alerts", "RCA_APPROVERS", "U0123ABCD"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("SLACK_SIGNING_SECRET is not");
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("SLACK_BOT_TOKEN", "xoxb-123",
        "SLACK_ALERT_CHANNEL", "#alerts", "SLACK_SIGNING_SECRET", "signing-secret-0123456789",
        "RCA_APPROVERS", "alice"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("'alice'")
        .message().doesNotContain("signing-secret-0123456789");
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of(
        "SLACK_SIGNING_SECRET", "signing-secret-0123456789"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("SLACK_BOT_TOKEN is not");
  }

  @Test
  void should_keep_finished_deliveries_bodies_as_long_as_the_retention_says() {
    assertThat(AppConfig.from(ConfigSource.of(Map.of())).inboxRetention())
        .isEqualTo(java.time.Duration.ofDays(14));
    assertThat(AppConfig.from(ConfigSource.of(Map.of("RCA_INBOX_RETENTION", "3d"))).inboxRetention())
        .isEqualTo(java.time.Duration.ofDays(3));
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("RCA_INBOX_RETENTION", "10m"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("RCA_INBOX_RETENTION");
  }

  @Test
  void should_sweep_every_ten_minutes_unless_the_interval_says_otherwise_or_zero_turns_it_off() {
    assertThat(AppConfig.from(ConfigSource.of(Map.of())).reconcileInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(AppConfig.from(ConfigSource.of(Map.of("RCA_RECONCILE_INTERVAL", "30s"))).reconcileInterval())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(AppConfig.from(ConfigSource.of(Map.of("RCA_RECONCILE_INTERVAL", "1h"))).reconcileInterval())
        .isEqualTo(Duration.ofHours(1));
    AppConfig off = AppConfig.from(ConfigSource.of(Map.of("RCA_RECONCILE_INTERVAL", "0")));
    assertThat(off.reconciles()).isFalse();
    assertThat(off.describe()).contains("RCA_RECONCILE_INTERVAL=0 (off)");
    for (String wrong : new String[] {"ten minutes", "500ms", "-5m"}) {
      assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("RCA_RECONCILE_INTERVAL", wrong))))
          .as(wrong).isInstanceOf(InvalidConfigException.class)
          .hasMessageContaining("RCA_RECONCILE_INTERVAL").hasMessageContaining(wrong);
    }
  }

  @Test
  void should_cap_runs_per_body_at_100_and_message_10_incidents_a_minute_unless_the_settings_say_otherwise() {
    assertThat(AppConfig.from(ConfigSource.of(Map.of())).flood()).isEqualTo(new FloodLimits(100, 10));
    AppConfig tuned = AppConfig.from(ConfigSource.of(Map.of("RCA_MAX_RUNS_PER_WEBHOOK", "1000",
        "RCA_NOTIFY_BURST", "25")));
    assertThat(tuned.flood()).isEqualTo(new FloodLimits(1000, 25));
    assertThat(tuned.describe()).contains("RCA_MAX_RUNS_PER_WEBHOOK=1000", "RCA_NOTIFY_BURST=25");
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("RCA_MAX_RUNS_PER_WEBHOOK", "0",
        "RCA_NOTIFY_BURST", "many"))))
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).hasSize(2))
        .hasMessageContaining("RCA_MAX_RUNS_PER_WEBHOOK must be a number from 1 to 10000, was '0'")
        .hasMessageContaining("RCA_NOTIFY_BURST must be a number from 1 to 1000, was 'many'");
  }

  @Test
  void should_follow_remediation_runs_as_the_settings_say() {
    Integrations defaults = AppConfig.from(ConfigSource.of(Map.of())).integrations();
    Integrations tuned = AppConfig.from(ConfigSource.of(Map.of("RCA_REMEDIATION_POLL", "10s",
        "RCA_RESOLVE_ON_REPAIR_SUCCESS", "false", "RCA_REMEDIATION_FOLLOW_LIMIT", "6h"))).integrations();

    assertThat(defaults.followUp().poll()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(defaults.followUp().core().resolveOnSuccess()).isTrue();
    assertThat(defaults.followUp().core().giveUpAfter()).isEqualTo(java.time.Duration.ofDays(2));
    assertThat(tuned.followUp().poll()).isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(tuned.followUp().core().resolveOnSuccess()).isFalse();
    assertThat(tuned.followUp().core().giveUpAfter()).isEqualTo(java.time.Duration.ofHours(6));
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("RCA_REMEDIATION_POLL", "0s"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("RCA_REMEDIATION_POLL");
  }

  @Test
  void should_sync_tickets_every_five_minutes_unless_told_otherwise_and_refuse_a_too_short_interval() {
    Integrations defaults = AppConfig.from(ConfigSource.of(Map.of())).integrations();
    Integrations tuned = AppConfig.from(ConfigSource.of(Map.of("RCA_TICKET_SYNC_INTERVAL", "30s", "ITSM_TOOL",
        "jira", "JIRA_DOMAIN", "acme.atlassian.net", "JIRA_PROJECT_KEY", "OPS", "JIRA_API_TOKEN", "t",
        "JIRA_DONE_TRANSITION", "Close issue"))).integrations();
    Integrations off = AppConfig.from(ConfigSource.of(Map.of("RCA_TICKET_SYNC_INTERVAL", "0"))).integrations();
    Integrations snow = AppConfig.from(ConfigSource.of(Map.of("ITSM_TOOL", "servicenow", "SERVICENOW_INSTANCE",
        "acme.service-now.com", "SERVICENOW_TOKEN", "t", "SERVICENOW_CLOSE_CODE", "Solved (Permanently)")))
        .integrations();

    assertThat(defaults.ticketSync()).isEqualTo(java.time.Duration.ofMinutes(5));
    assertThat(tuned.ticketSync()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(tuned.jira().orElseThrow().doneTransition()).contains("Close issue");
    assertThat(off.ticketSync()).isZero();
    assertThat(snow.serviceNow().orElseThrow().closeCode()).isEqualTo("Solved (Permanently)");
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("RCA_TICKET_SYNC_INTERVAL", "500ms"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("RCA_TICKET_SYNC_INTERVAL");
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("RCA_TICKET_SYNC_INTERVAL", "soon"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("RCA_TICKET_SYNC_INTERVAL");
  }

  @Test
  void should_never_print_a_secret_when_the_settings_are_described() {
    AppConfig config = AppConfig.from(ConfigSource.of(Map.of(
        "RCA_API_KEY", "key-123456-abcdefghijklmnop",
        "DATABRICKS_HOST", "adb-1.azuredatabricks.net",
        "DATABRICKS_TOKEN", "dapi0123456789abcdef",
        "GEMINI_API_KEY", "AIzaSyExample",
        "SLACK_BOT_TOKEN", "xoxb-123",
        "SLACK_ALERT_CHANNEL", "#alerts",
        "RCA_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test?password=pg-pass-1",
        "RCA_DB_PASSWORD", "pg-pass-2")));

    String printed = String.join("\n", config.describe()) + config;

    assertThat(printed).doesNotContain("key-123456-abcdefghijklmnop", "dapi0123456789abcdef", "AIzaSyExample",
        "xoxb-123", "pg-pass-1", "pg-pass-2");
    assertThat(printed).contains("databricks: https://adb-1.azuredatabricks.net", "slack: channel #alerts",
        "model: gemini:gemini-2.5-flash");
    assertThat(config.integrations().databricks().orElseThrow().credentials())
        .isEqualTo(new dev.aiops.rca.adapter.databricks.DatabricksCredentials.PersonalAccessToken(
            "dapi0123456789abcdef"));
  }

  @Test
  void should_name_each_missing_setting_when_an_integration_is_half_configured() {
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of(
        "ITSM_TOOL", "jira",
        "JIRA_DOMAIN", "https://acme.atlassian.net",
        "AZURE_SUBSCRIPTION_ID", "00000000-0000-0000-0000-000000000000",
        "LLM_PROVIDER", "openai",
        "DATABRICKS_HOST", "adb-1.azuredatabricks.net",
        "DATABRICKS_CLIENT_ID", "sp-1"))))
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(String.join("\n", e.problems()))
            .contains("JIRA_PROJECT_KEY", "JIRA_API_TOKEN", "ADF_RESOURCE_GROUP", "ADF_FACTORY_NAME",
                "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "OPENAI_API_KEY", "DATABRICKS_CLIENT_SECRET"));
  }

  @Test
  void should_build_every_integration_when_each_is_fully_configured() {
    AppConfig config = AppConfig.from(ConfigSource.of(Map.ofEntries(
        Map.entry("DATABRICKS_HOST", "adb-1.azuredatabricks.net"),
        Map.entry("DATABRICKS_CLIENT_ID", "sp-1"), Map.entry("DATABRICKS_CLIENT_SECRET", "sp-secret"),
        Map.entry("AZURE_SUBSCRIPTION_ID", "00000000-0000-0000-0000-000000000000"),
        Map.entry("ADF_RESOURCE_GROUP", "rg-data"), Map.entry("ADF_FACTORY_NAME", "adf-prod"),
        Map.entry("AZURE_USE_MANAGED_IDENTITY", "true"),
        Map.entry("LLM_PROVIDER", "ollama"),
        Map.entry("ITSM_TOOL", "servicenow"), Map.entry("SERVICENOW_INSTANCE", "acme.service-now.com"),
        Map.entry("SERVICENOW_TOKEN", "sn-token"),
        Map.entry("RCA_REMEDIATION_MODE", "auto"), Map.entry("RCA_MAX_AUTO_REPAIRS", "2"),
        Map.entry("RCA_COST_TAG_KEYS", "owner, cost_center"))));

    Integrations integrations = config.integrations();
    assertThat(integrations.databricks()).isPresent();
    assertThat(integrations.adf().orElseThrow().factoryResourceId()).endsWith("/factories/adf-prod");
    assertThat(integrations.llm().orElseThrow().modelId()).startsWith("ollama");
    assertThat(integrations.serviceNow()).isPresent();
    assertThat(integrations.remediation().maxAttemptsPerIncident()).isEqualTo(2);
    assertThat(integrations.costTagKeys()).containsExactly("owner", "cost_center");
    assertThat(String.join("\n", config.describe())).doesNotContain("sp-secret", "sn-token");
  }

  @Test
  void should_read_the_env_file_beneath_the_environment_when_both_set_a_value(@TempDir Path dir)
      throws IOException {
    Path dotEnv = dir.resolve(".env");
    Files.writeString(dotEnv, """
        # comment
        export RCA_PORT=9001
        RCA_API_KEY="from-file-0123456789abcdefghij"
        ITSM_TOOL='builtin'
        """);

    ConfigSource source = ConfigSource.load(Map.of("RCA_PORT", "9002"), dotEnv);

    assertThat(AppConfig.from(source).port()).isEqualTo(9002);
    assertThat(source.get("RCA_API_KEY")).contains("from-file-0123456789abcdefghij");
    assertThat(source.get("ITSM_TOOL")).contains("builtin");
  }

  @Test
  void should_ignore_a_missing_env_file_when_loading(@TempDir Path dir) {
    assertThat(ConfigSource.load(Map.of(), dir.resolve("absent.env")).get("RCA_PORT")).isEmpty();
  }

  @Test
  void should_default_to_two_workers_and_refuse_a_bad_count_when_rca_workers_is_set() {
    assertThat(AppConfig.from(ConfigSource.of(Map.of())).workers()).isEqualTo(2);
    assertThat(AppConfig.from(ConfigSource.of(Map.of("RCA_WORKERS", "8"))).workers()).isEqualTo(8);
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("RCA_WORKERS", "0"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("RCA_WORKERS");
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("RCA_WORKERS", "many"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("RCA_WORKERS");
  }

  @Test
  void should_look_at_open_incidents_again_every_five_minutes_unless_told_otherwise_and_refuse_a_too_short_interval() {
    assertThat(AppConfig.from(ConfigSource.of(Map.of())).integrations().recovery().every())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(AppConfig.from(ConfigSource.of(Map.of("RCA_RECOVERY_INTERVAL", "0"))).integrations().recovery()
        .every()).isZero();
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("RCA_RECOVERY_INTERVAL", "500ms"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("RCA_RECOVERY_INTERVAL")
        .hasMessageContaining("500ms");
  }
}
