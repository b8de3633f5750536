package dev.aiops.rca.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentSort;
import dev.aiops.rca.domain.IncidentSortKey;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.Samples;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of a query itself: what it refuses, what it matches, and the order it asks for. */
class IncidentQueryTest {

  private final Incident incident = new InMemoryIncidentRepository()
      .file(Samples.draft("1", 'a', Samples.T0)).incident();

  @Test
  void should_refuse_blank_or_overlong_text_and_an_empty_range_when_built() {
    IncidentQuery all = IncidentQuery.all(10);

    assertThatThrownBy(() -> all.withText("   ")).hasMessageContaining("text must not be blank");
    assertThatThrownBy(() -> all.withText("x".repeat(IncidentQuery.MAX_TEXT + 1)))
        .hasMessageContaining("at most 200");
    assertThatThrownBy(() -> all.withRange(Optional.of(Samples.T0), Optional.of(Samples.T0)))
        .hasMessageContaining("must be before");
    assertThat(all.withText("  users ").text()).contains("users");
  }

  @Test
  void should_match_text_ignoring_case_and_last_seen_within_a_half_open_range_when_matched_in_memory() {
    IncidentQuery all = IncidentQuery.all(10);

    assertThat(all.withText("ETL_ORD").matches(incident)).isTrue();
    assertThat(all.withText("prod.USERS").matches(incident)).isTrue();
    assertThat(all.withText("summary of [table").matches(incident)).isTrue();
    assertThat(all.withText("orders_etl").matches(incident)).isFalse();
    assertThat(all.withRange(Optional.of(Samples.T0), Optional.empty()).matches(incident)).isTrue();
    assertThat(all.withRange(Optional.empty(), Optional.of(Samples.T0)).matches(incident)).isFalse();
    assertThat(all.withRange(Optional.of(Samples.T0.plus(Duration.ofSeconds(1))), Optional.empty())
        .matches(incident)).isFalse();
  }

  @Test
  void should_keep_the_filter_when_the_order_or_the_limit_changes() {
    IncidentQuery query = new IncidentQuery(Optional.empty(), Optional.of(Category.TIMEOUT), Optional.empty(),
        Optional.empty(), 10).withText("x");

    IncidentQuery sorted = query.sortedBy(new IncidentSort(IncidentSortKey.OCCURRENCES, false)).withLimit(5);

    assertThat(sorted.category()).contains(Category.TIMEOUT);
    assertThat(sorted.text()).contains("x");
    assertThat(sorted.limit()).isEqualTo(5);
    assertThat(sorted.sort()).isEqualTo(new IncidentSort(IncidentSortKey.OCCURRENCES, false));
    assertThat(query.sort()).isEqualTo(IncidentSort.NEWEST);
  }
}
