package dev.aiops.rca.adapter.slack;

import static dev.aiops.rca.adapter.slack.SlackNotifierContractTest.notifier;
import static dev.aiops.rca.adapter.slack.SlackNotifierContractTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.adapter.slack.SlackStub.Answer;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.NotifierContract;
import dev.aiops.rca.testkit.Samples;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of answer Slack gives, and the port exception it becomes. */
class SlackErrorsTest {

  private final SlackStub stub = new SlackStub();
  private final MutableClock clock = new MutableClock(Samples.T0);

  @AfterEach
  void stop() {
    stub.close();
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(200, "{\"ok\":false,\"error\":\"channel_not_found\"}", PermanentPortException.class,
            "check SLACK_ALERT_CHANNEL"),
        Arguments.of(200, "{\"ok\":false,\"error\":\"not_in_channel\"}", PermanentPortException.class,
            "invite the bot to SLACK_ALERT_CHANNEL"),
        Arguments.of(200, "{\"ok\":false,\"error\":\"is_archived\"}", PermanentPortException.class,
            "SLACK_ALERT_CHANNEL"),
        Arguments.of(200, "{\"ok\":false,\"error\":\"invalid_auth\"}", PermanentPortException.class,
            "check SLACK_BOT_TOKEN"),
        Arguments.of(200, "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"chat:write\"}",
            PermanentPortException.class, "needs chat:write"),
        Arguments.of(200, "{\"ok\":false,\"error\":\"invalid_blocks\"}", PermanentPortException.class,
            "invalid_blocks"),
        Arguments.of(200, "{\"ok\":false,\"error\":\"ratelimited\"}", TransientPortException.class, "ratelimited"),
        Arguments.of(200, "{\"ok\":false,\"error\":\"internal_error\"}", TransientPortException.class,
            "internal_error"),
        Arguments.of(401, "{\"ok\":false,\"error\":\"invalid_auth\"}", PermanentPortException.class,
            "SLACK_BOT_TOKEN"),
        Arguments.of(404, "<html>Not Found</html>", PermanentPortException.class, "check SLACK_API_URL"),
        Arguments.of(500, "{\"ok\":false,\"error\":\"fatal_error\"}", TransientPortException.class, "HTTP 500"),
        Arguments.of(503, "<html>Service Unavailable</html>", TransientPortException.class, "HTTP 503"),
        Arguments.of(200, "<html>login</html>", PermanentPortException.class, "check SLACK_API_URL"));
  }

  @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
  @MethodSource("answers")
  void should_map_the_answer_to_a_port_exception_that_names_the_setting_when_posting_fails(
      int status, String body, Class<? extends PortException> expected, String mentioned) {
    stub.script("chat.postMessage", Answer.json(status, body));

    assertThatThrownBy(() -> notifier(stub, settings(stub), clock).notify(NotifierContract.notification()))
        .isInstanceOf(expected)
        .hasMessageContaining(mentioned)
        .hasMessageNotContaining("xoxb-test-secret");
    assertThat(stub.seen("chat.postMessage")).hasSize(1);
  }

  @Test
  void should_carry_retry_after_and_not_resend_when_slack_throttles_a_post() {
    stub.script("chat.postMessage",
        new Answer(429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "30")));

    assertThatThrownBy(() -> notifier(stub, settings(stub), clock).notify(NotifierContract.notification()))
        .isInstanceOfSatisfying(TransientPortException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
    assertThat(stub.seen("chat.postMessage")).hasSize(1);
  }

  @Test
  void should_fail_permanently_when_the_message_to_update_is_gone() {
    SlackNotifier notifier = notifier(stub, settings(stub), clock);
    Notification n = NotifierContract.notification();
    NotificationRef ref = notifier.notify(n);
    stub.script("chat.update", Answer.json(200, "{\"ok\":false,\"error\":\"message_not_found\"}"));

    assertThatThrownBy(() -> notifier.update(ref,
        new Recurrence(n.incident().id(), RunKey.of(Source.DATABRICKS, "2"), 2, Samples.T0)))
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("deleted");
  }

  @Test
  void should_let_the_next_recurrence_reply_when_the_reply_failed() {
    SlackNotifier notifier = notifier(stub, settings(stub), clock);
    Notification n = NotifierContract.notification();
    NotificationRef ref = notifier.notify(n);
    stub.script("chat.postMessage", new Answer(429, "{\"ok\":false}", Map.of("Retry-After", "1")));

    assertThatThrownBy(() -> notifier.update(ref,
        new Recurrence(n.incident().id(), RunKey.of(Source.DATABRICKS, "2"), 2, Samples.T0)))
        .isInstanceOf(TransientPortException.class);
    notifier.update(ref, new Recurrence(n.incident().id(), RunKey.of(Source.DATABRICKS, "3"), 3, Samples.T0));

    assertThat(stub.seen("chat.postMessage")).filteredOn(s -> s.form().containsKey("thread_ts")).hasSize(2);
  }

  @Test
  void should_mask_the_token_and_refuse_plain_http_to_a_remote_host() {
    assertThat(SlackSettings.of("xoxb-test-secret", "#alerts").toString()).doesNotContain("xoxb-test-secret");
    assertThatThrownBy(() -> SlackSettings.of("xoxb-1", "#alerts").withApiUrl(java.net.URI.create("http://slack.com/api")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SLACK_API_URL");
    assertThatThrownBy(() -> SlackSettings.of("xoxb-1", "data alerts"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SLACK_ALERT_CHANNEL");
  }
}
