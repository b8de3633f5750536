package dev.aiops.rca.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.app.e2e.E2eService;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.RetryPolicy;
import dev.aiops.rca.domain.Secret;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteInboxTest {

  private static final Secret WEBHOOK_KEY = new Secret(E2eService.KEY);

  @TempDir
  Path data;

  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void should_list_with_the_webhook_key_but_replay_only_with_the_operator_key() {
    service = E2eService.start(data, Map.of("RCA_ADMIN_PASSWORD", "admin-password-for-remote-inbox"),
        Optional.empty(), UnaryOperator.identity(), RetryPolicy.defaults(), true);
    RemoteInbox reader = new RemoteInbox(service.uri(), WEBHOOK_KEY, Optional.empty());
    RemoteInbox wrongOperator = new RemoteInbox(service.uri(), WEBHOOK_KEY, Optional.of(WEBHOOK_KEY));
    RemoteInbox operator = new RemoteInbox(service.uri(), WEBHOOK_KEY,
        Optional.of(new Secret(E2eService.OPERATOR_KEY)));

    assertThat(reader.counts()).containsKey(DeliveryStatus.DEAD);
    assertThatThrownBy(() -> reader.replay("d-1")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("set RCA_OPERATOR_KEY");
    assertThatThrownBy(() -> wrongOperator.replay("d-1")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("(403)").hasMessageContaining("RCA_OPERATOR_KEY");
    // Let through: the service looked for the delivery, and there is none.
    assertThatThrownBy(() -> operator.replay("d-1")).isInstanceOf(IllegalArgumentException.class);
  }
}
