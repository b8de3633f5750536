package dev.aiops.rca.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.core.storm.StormGate;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.MutableClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The notifiers' names, their effect keys, and each notifier's own storm summary. */
class NotifiersTest {

  private final InMemoryNotifier slack = new InMemoryNotifier();
  private final InMemoryNotifier pagerDuty = new InMemoryNotifier();
  private final Notifiers notifiers = Notifiers.of(List.of(new Notifiers.Named("slack", slack),
      new Notifiers.Named("pagerduty", pagerDuty)));

  @Test
  void should_keep_the_primary_s_keys_as_first_written_and_suffix_the_others_with_their_names() {
    EffectKey key = new EffectKey("recur-notify-7-databricks:2");

    assertThat(notifiers.key(notifiers.primary(), key)).isEqualTo(key);
    assertThat(notifiers.key(notifiers.all().get(1), key).value()).isEqualTo("recur-notify-7-databricks:2-pagerduty");
  }

  @Test
  void should_refuse_two_notifiers_of_one_name_or_none_at_all() {
    assertThatThrownBy(() -> Notifiers.of(List.of(new Notifiers.Named("slack", slack),
        new Notifiers.Named("slack", pagerDuty)))).hasMessageContaining("two notifiers are named slack");
    assertThatThrownBy(() -> Notifiers.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Notifiers.Named("Teams Channel", slack)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_post_each_notifier_s_summary_once_when_one_could_not_post_it_at_first() {
    MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
    StormGate gate = new StormGate(notifiers, 1, clock);
    gate.admit(new IncidentId(1));
    pagerDuty.failures().failNext(new TransientPortException("throttled"));

    for (long id = 2; id <= 3; id++) {
      assertThat(gate.admit(new IncidentId(id))).isFalse();
      StormSummary.Entry entry = new StormSummary.Entry(new IncidentId(id), "job_" + id, "Failure " + id,
          Optional.empty());
      for (Notifiers.Named named : notifiers.all()) {
        try {
          gate.list(entry, named);
        } catch (TransientPortException e) {
          // the pipeline records it as a problem and lists the incident again later
        }
      }
    }

    assertThat(slack.summaries()).extracting(StormSummary::count).containsExactly(1, 2);
    assertThat(pagerDuty.summaries()).extracting(StormSummary::count).containsExactly(2);
  }
}
