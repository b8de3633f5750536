package dev.aiops.rca.adapter.slack;

import static dev.aiops.rca.adapter.slack.SlackNotifierContractTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.port.PermanentPortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Looking up an approver's e-mail address with users.info against the Web API stub. */
class SlackDirectoryTest {

  private final SlackStub stub = new SlackStub();

  @AfterEach
  void stop() {
    stub.close();
  }

  private SlackDirectory directory() {
    return new SlackDirectory(settings(stub), SlackNotifier.slack(settings(stub)));
  }

  @Test
  void should_give_the_address_in_lower_case_when_slack_shows_it() {
    stub.script("users.info", SlackStub.Answer.json(200, "{\"ok\":true,\"user\":{\"id\":\"U0A\",\"name\":\"alice\","
        + "\"profile\":{\"email\":\"Alice@Acme.Example\"}}}"));

    assertThat(directory().email("U0A")).contains("alice@acme.example");
    assertThat(stub.seen("users.info").get(0).form()).containsEntry("user", "U0A");
    assertThat(stub.seen("users.info").get(0).headers().get("authorization")).isEqualTo("Bearer xoxb-test-secret");
  }

  @Test
  void should_give_nothing_when_the_token_may_not_read_addresses_or_the_user_is_unknown() {
    stub.script("users.info",
        SlackStub.Answer.json(200, "{\"ok\":true,\"user\":{\"id\":\"U0A\",\"name\":\"alice\",\"profile\":{}}}"),
        SlackStub.Answer.json(200, "{\"ok\":false,\"error\":\"user_not_found\"}"));

    assertThat(directory().email("U0A")).isEmpty();
    assertThat(directory().email("U0B")).isEmpty();
  }

  @Test
  void should_fail_permanently_when_slack_refuses_the_token() {
    stub.script("users.info", SlackStub.Answer.json(200, "{\"ok\":false,\"error\":\"invalid_auth\"}"));

    assertThatThrownBy(() -> directory().email("U0A")).isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("invalid_auth");
  }
}
