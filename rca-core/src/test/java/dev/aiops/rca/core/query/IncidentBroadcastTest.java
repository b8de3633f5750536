package dev.aiops.rca.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.port.in.WatchIncidentsUseCase.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentBroadcastTest {

  private static final IncidentChange OPENED =
      new IncidentChange(new IncidentId(1), IncidentChange.Kind.OPENED, Instant.parse("2026-01-01T00:00:00Z"));

  private final IncidentBroadcast broadcast = new IncidentBroadcast();

  @Test
  void should_tell_every_listener_until_its_subscription_is_closed() {
    List<IncidentChange> first = new ArrayList<>();
    List<IncidentChange> second = new ArrayList<>();
    Subscription one = broadcast.subscribe(first::add);
    broadcast.subscribe(second::add);

    broadcast.publish(OPENED);
    one.close();
    one.close();
    broadcast.publish(OPENED);

    assertThat(first).containsExactly(OPENED);
    assertThat(second).containsExactly(OPENED, OPENED);
  }

  @Test
  void should_keep_telling_the_others_when_a_listener_throws() {
    List<IncidentChange> seen = new ArrayList<>();
    broadcast.subscribe(change -> {
      throw new IllegalStateException("the browser went away");
    });
    broadcast.subscribe(seen::add);

    broadcast.publish(OPENED);

    assertThat(seen).containsExactly(OPENED);
  }

  @Test
  void should_publish_to_nobody_without_failing_when_no_view_watches() {
    broadcast.publish(OPENED);
  }
}
