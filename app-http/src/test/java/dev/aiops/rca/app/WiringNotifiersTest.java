package dev.aiops.rca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.adapter.pagerduty.PagerDutyNotifier;
import dev.aiops.rca.adapter.slack.SlackNotifier;
import dev.aiops.rca.adapter.teams.TeamsNotifier;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.InvalidConfigException;
import dev.aiops.rca.assistant.LogNotifier;
import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.core.notify.Notifiers;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.port.in.AnalyzeEvidenceResult;
import dev.aiops.rca.testkit.Samples;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code RCA_NOTIFIERS} and the Teams and PagerDuty settings, as wiring builds the notifiers from them. */
class WiringNotifiersTest {

  private static final String WEBHOOK =
      "https://acme.webhook.office.com/webhookb2/1234@tenant/IncomingWebhook/abcdef/s3cr3tSignature";
  private static final String ROUTING_KEY = "R0123456789abcdef0123456789ABCDE";

  private static Map<String, String> everything() {
    Map<String, String> settings = new HashMap<>();
    settings.put("SLACK_BOT_TOKEN", "xoxb-123");
    settings.put("SLACK_ALERT_CHANNEL", "#alerts");
    settings.put("TEAMS_WEBHOOK_URL", WEBHOOK);
    settings.put("PAGERDUTY_ROUTING_KEY", ROUTING_KEY);
    return settings;
  }

  private static Notifiers notifiers(Map<String, String> settings) {
    try (RcaAssistant assistant = assistant(AppConfig.from(ConfigSource.of(settings)))) {
      return assistant.notifiers();
    }
  }

  /** The facade as Wiring configures its notifiers and secrets, on an in-memory database. */
  static RcaAssistant assistant(AppConfig config) {
    return Wiring.notifiers(config.integrations(), RcaAssistant.builder())
        .knownSecrets(Wiring.knownSecrets(config))
        .reconcileEvery(Duration.ZERO)
        .build();
  }

  /** What the assistant makes of an error that quotes {@code text}: its analysis and report. */
  static String analysed(RcaAssistant assistant, String text) {
    AnalyzeEvidenceResult result = assistant.analyze(Samples.databricksRun("1", "upload failed: " + text));
    return result.analysis() + "\n" + result.rcaText();
  }

  @Test
  void should_tell_every_configured_notifier_with_slack_primary_when_rca_notifiers_is_not_set() {
    Notifiers notifiers = notifiers(everything());

    assertThat(notifiers.all()).extracting(Notifiers.Named::name).containsExactly("slack", "teams", "pagerduty");
    assertThat(notifiers.all()).extracting(named -> (Object) named.notifier().getClass())
        .containsExactly(SlackNotifier.class, TeamsNotifier.class, PagerDutyNotifier.class);
  }

  @Test
  void should_tell_only_the_notifiers_named_in_their_order_when_rca_notifiers_is_set() {
    Map<String, String> settings = everything();
    settings.put("RCA_NOTIFIERS", "PagerDuty, teams");

    assertThat(notifiers(settings).all()).extracting(Notifiers.Named::name).containsExactly("pagerduty", "teams");
  }

  @Test
  void should_write_to_the_log_when_no_notifier_is_configured() {
    Notifiers notifiers = notifiers(Map.of());

    assertThat(notifiers.all()).singleElement().satisfies(named -> {
      assertThat(named.name()).isEqualTo("log");
      assertThat(named.notifier()).isInstanceOf(LogNotifier.class);
    });
  }

  @Test
  void should_refuse_to_start_naming_the_missing_setting_when_rca_notifiers_names_one_not_configured() {
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("RCA_NOTIFIERS", "slack,teams,pagerduty,pager"))))
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(String.join("\n", e.problems()))
            .contains("RCA_NOTIFIERS names teams, which is not configured: set TEAMS_WEBHOOK_URL",
                "RCA_NOTIFIERS names pagerduty, which is not configured: set PAGERDUTY_ROUTING_KEY",
                "set SLACK_BOT_TOKEN and SLACK_ALERT_CHANNEL", "was 'pager'"));
  }

  @Test
  void should_refuse_a_webhook_that_is_not_https_and_a_routing_key_of_the_wrong_length_without_showing_either() {
    String plain = "http://acme.webhook.office.com/webhookb2/s3cr3tSignature";
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("TEAMS_WEBHOOK_URL", plain,
        "PAGERDUTY_ROUTING_KEY", "short-s3cr3t-key"))))
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(String.join("\n", e.problems()))
            .contains("TEAMS_WEBHOOK_URL must be an https:// URL", "PAGERDUTY_ROUTING_KEY")
            .doesNotContain("s3cr3t"));
  }

  @Test
  void should_read_the_follow_up_interval_the_events_url_and_the_least_priority_that_pages() {
    Map<String, String> settings = everything();
    settings.put("TEAMS_FOLLOWUP_INTERVAL", "30m");
    settings.put("PAGERDUTY_EVENTS_URL", "http://127.0.0.1:9/v2/enqueue");
    settings.put("PAGERDUTY_MIN_PRIORITY", "P1");

    var chosen = AppConfig.from(ConfigSource.of(settings)).integrations().notifiers();

    assertThat(chosen.teams().orElseThrow().followUpInterval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(chosen.pagerDuty().orElseThrow().eventsUrl()).hasToString("http://127.0.0.1:9/v2/enqueue");
    assertThat(chosen.pagerDuty().orElseThrow().minPriority()).isEqualTo(Priority.P1);
  }

  @Test
  void should_mask_the_webhook_and_the_routing_key_and_give_both_to_the_redactor() {
    AppConfig config = AppConfig.from(ConfigSource.of(everything()));

    String printed = String.join("\n", config.describe()) + config;

    assertThat(printed).doesNotContain("s3cr3tSignature", ROUTING_KEY)
        .contains("notifiers: slack, teams (a follow-up every 60 min at most), pagerduty (pages P2 and above)");
    try (RcaAssistant assistant = assistant(config)) {
      assertThat(analysed(assistant, "posting to " + WEBHOOK + " with key " + ROUTING_KEY))
          .contains("upload failed").doesNotContain("s3cr3tSignature", ROUTING_KEY);
    }
  }
}
