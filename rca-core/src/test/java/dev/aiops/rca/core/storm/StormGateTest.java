package dev.aiops.rca.core.storm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which new incidents get a message of their own, and how the storm's summary grows. */
class StormGateTest {

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryNotifier notifier = new InMemoryNotifier();
  private final StormGate gate = new StormGate(notifier, 10, clock);

  private static StormSummary.Entry entry(long id) {
    return new StormSummary.Entry(new IncidentId(id), "job_" + id, "Failure " + id, Optional.of("RCA-" + id));
  }

  /** Opens incident {@code id}: true when it got a message of its own. */
  private boolean open(long id) {
    if (gate.admit(new IncidentId(id))) {
      return true;
    }
    gate.list(entry(id));
    return false;
  }

  @Test
  void should_give_the_first_ten_a_message_each_and_list_the_rest_on_one_summary_redrawn_a_few_times() {
    long alone = IntStream.rangeClosed(1, 200).filter(id -> {
      clock.advance(Duration.ofMillis(100));
      return open(id);
    }).count();
    gate.flush();

    assertThat(alone).isEqualTo(10);
    assertThat(notifier.summaries()).hasSizeBetween(2, 12);
    StormSummary last = notifier.summaries().get(notifier.summaries().size() - 1);
    assertThat(last.count()).isEqualTo(190);
    assertThat(last.listed()).hasSize(StormSummary.MAX_LISTED).first().isEqualTo(entry(11));
    assertThat(last.unlisted()).isEqualTo(140);
  }

  @Test
  void should_count_an_incident_asked_about_again_once_and_keep_its_first_answer() {
    IntStream.rangeClosed(1, 10).forEach(this::open);
    assertThat(open(11)).isFalse();

    assertThat(gate.admit(new IncidentId(3))).isTrue();
    assertThat(gate.admit(new IncidentId(11))).isFalse();
    gate.list(entry(11));
    gate.flush();
    assertThat(notifier.summaries()).extracting(StormSummary::count).containsOnly(1);
  }

  @Test
  void should_end_the_storm_after_a_quiet_minute_and_post_a_new_summary_for_the_next() {
    IntStream.rangeClosed(1, 12).forEach(this::open);
    NotificationRef first = gate.list(entry(12));

    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(IntStream.rangeClosed(13, 22).allMatch(this::open)).isTrue();
    assertThat(open(23)).isFalse();

    assertThat(gate.list(entry(23))).isNotEqualTo(first);
  }

  @Test
  void should_post_the_summary_with_the_next_incident_when_posting_it_failed() {
    IntStream.rangeClosed(1, 10).forEach(this::open);
    notifier.failures().failNext(new TransientPortException("slack is down"));

    assertThat(gate.admit(new IncidentId(11))).isFalse();
    try {
      gate.list(entry(11));
    } catch (TransientPortException expected) {
      // the delivery is tried again
    }
    assertThat(open(11)).isFalse();
    assertThat(open(12)).isFalse();

    assertThat(notifier.summaries()).extracting(StormSummary::count).containsExactly(1, 2);
  }
}
