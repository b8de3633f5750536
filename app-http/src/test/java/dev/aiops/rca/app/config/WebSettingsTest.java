package dev.aiops.rca.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.adapter.web.dashboard.DashboardSettings;
import dev.aiops.rca.adapter.web.webhook.WebhookLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSettingsTest {

  @Test
  void should_read_the_dashboard_settings_when_they_are_set() {
    DashboardSettings settings = WebSettings.dashboard(ConfigSource.of(Map.of("RCA_ADMIN_USER", "root",
        "RCA_ADMIN_PASSWORD", "a-long-password", "RCA_DATA_DIR", "/srv/rca",
        "RCA_API_KEY", "k-123-webhook-key-0123456789", "RCA_OPERATOR_KEY", "op-operator-key-0123456789",
        "RCA_SESSION_IDLE_MINUTES", "5", "RCA_SLACK_WORKSPACE_URL", "https://acme.slack.com/")));

    assertThat(settings.adminUser()).isEqualTo("root");
    assertThat(settings.adminPassword()).hasValueSatisfying(p -> assertThat(p.reveal()).isEqualTo("a-long-password"));
    assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/rca"));
    assertThat(settings.apiKey())
        .hasValueSatisfying(k -> assertThat(k.reveal()).isEqualTo("k-123-webhook-key-0123456789"));
    assertThat(settings.operatorKey())
        .hasValueSatisfying(k -> assertThat(k.reveal()).isEqualTo("op-operator-key-0123456789"));
    assertThat(settings.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.slackWorkspaceUrl()).hasValue("https://acme.slack.com");
  }

  @Test
  void should_use_the_defaults_when_nothing_is_set() {
    DashboardSettings settings = WebSettings.dashboard(ConfigSource.of(Map.of()));

    assertThat(settings).isEqualTo(DashboardSettings.defaults(Path.of("data")));
    assertThat(WebSettings.webhookLimits(ConfigSource.of(Map.of()))).isEqualTo(WebhookLimits.defaults());
  }

  @Test
  void should_list_every_problem_when_the_dashboard_settings_are_invalid() {
    assertThatThrownBy(() -> WebSettings.dashboard(ConfigSource.of(Map.of(
        "RCA_ADMIN_USER", "bad name", "RCA_SESSION_IDLE_MINUTES", "soon", "RCA_SLACK_WORKSPACE_URL", "http://x"))))
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).hasSize(4));
    assertThatThrownBy(() -> WebSettings.dashboard(ConfigSource.of(Map.of("RCA_ADMIN_PASSWORD", "short"))))
        .isInstanceOf(InvalidConfigException.class);
  }

  @Test
  void should_refuse_an_operator_key_that_is_short_or_the_webhook_key() {
    assertThatThrownBy(() -> WebSettings.dashboard(ConfigSource.of(Map.of("RCA_OPERATOR_KEY", "op-123"))))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("RCA_OPERATOR_KEY must be at least 24 characters long, was 6");
    String same = "the-same-key-0123456789-abc";
    assertThatThrownBy(() -> WebSettings.dashboard(ConfigSource.of(Map.of("RCA_API_KEY", same, "RCA_OPERATOR_KEY",
        same)))).isInstanceOf(InvalidConfigException.class).hasMessageContaining("RCA_OPERATOR_KEY must differ");
  }

  @Test
  void should_read_the_bind_address_and_refuse_one_that_is_not_an_address() {
    assertThat(WebSettings.bindAddress(ConfigSource.of(Map.of()))).isEqualTo("0.0.0.0");
    assertThat(WebSettings.bindAddress(ConfigSource.of(Map.of("RCA_BIND", "10.1.2.3")))).isEqualTo("10.1.2.3");
    assertThat(WebSettings.bindAddress(ConfigSource.of(Map.of("RCA_BIND", "::1")))).isEqualTo("::1");
    assertThatThrownBy(() -> WebSettings.bindAddress(ConfigSource.of(Map.of("RCA_BIND", "localhost:80"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("RCA_BIND must be an IP address");
  }

  @Test
  void should_read_the_webhook_rate_and_refuse_one_out_of_range() {
    assertThat(WebSettings.webhookLimits(ConfigSource.of(Map.of("RCA_WEBHOOK_RATE", "7"))))
        .isEqualTo(WebhookLimits.of(7));
    assertThatThrownBy(() -> WebSettings.webhookLimits(ConfigSource.of(Map.of("RCA_WEBHOOK_RATE", "100001"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("RCA_WEBHOOK_RATE must be a number");
    assertThatThrownBy(() -> WebSettings.webhookLimits(ConfigSource.of(Map.of("RCA_WEBHOOK_RATE", "fast"))))
        .isInstanceOf(InvalidConfigException.class);
  }
}
