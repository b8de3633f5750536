package dev.aiops.rca.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.DailyFailures;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentCounts;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentListing;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentSort;
import dev.aiops.rca.domain.IncidentSortKey;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.port.out.IncidentRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link IncidentRepository} must do; implement {@link #subject()} with a fresh, empty store. */
public interface IncidentRepositoryContract {

  IncidentRepository subject();

  @Test
  default void should_claim_a_run_once_when_two_deliveries_claim_it() {
    IncidentRepository repository = subject();
    RunKey run = RunKey.of(Source.DATABRICKS, "100");

    assertThat(repository.claim(run, "delivery-1", Samples.T0)).isEqualTo(RunClaim.CLAIMED);
    assertThat(repository.claim(run, "delivery-2", Samples.T0)).isEqualTo(RunClaim.ALREADY_CLAIMED);
    assertThat(repository.claim(RunKey.of(Source.ADF, "100"), "delivery-2", Samples.T0))
        .isEqualTo(RunClaim.CLAIMED);
  }

  @Test
  default void should_let_the_same_claimant_resume_when_it_claims_its_run_again() {
    IncidentRepository repository = subject();
    RunKey run = RunKey.of(Source.DATABRICKS, "101");
    repository.claim(run, "delivery-1", Samples.T0);

    assertThat(repository.claim(run, "delivery-1", Samples.T0.plusSeconds(60))).isEqualTo(RunClaim.CLAIMED);
    assertThat(repository.claim(run, "delivery-2", Samples.T0.plusSeconds(61)))
        .isEqualTo(RunClaim.ALREADY_CLAIMED);
  }

  @Test
  default void should_grant_exactly_one_claim_when_fifty_threads_race() throws Exception {
    IncidentRepository repository = subject();
    RunKey run = RunKey.of(Source.DATABRICKS, "race");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<RunClaim>> attempts = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String claimant = "delivery-" + i;
        attempts.add(() -> repository.claim(run, claimant, Samples.T0));
      }
      long claimed = 0;
      for (Future<RunClaim> result : pool.invokeAll(attempts)) {
        claimed += result.get() == RunClaim.CLAIMED ? 1 : 0;
      }
      assertThat(claimed).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  default void should_open_an_incident_then_add_occurrences_when_the_signature_recurs() {
    IncidentRepository repository = subject();

    Filing first = repository.file(Samples.draft("1", 'a', Samples.T0));
    Filing second = repository.file(Samples.draft("2", 'a', Samples.T0.plusSeconds(60)));
    Filing other = repository.file(Samples.draft("3", 'b', Samples.T0.plusSeconds(120)));

    assertThat(first).isInstanceOf(Filing.Opened.class);
    assertThat(second).isInstanceOf(Filing.Recurred.class);
    assertThat(second.incident().id()).isEqualTo(first.incident().id());
    assertThat(second.incident().occurrences()).isEqualTo(2);
    assertThat(second.incident().lastSeen()).isEqualTo(Samples.T0.plusSeconds(60));
    assertThat(second.incident().firstSeen()).isEqualTo(Samples.T0);
    assertThat(other).isInstanceOf(Filing.Opened.class);
    assertThat(other.incident().id()).isNotEqualTo(first.incident().id());
  }

  @Test
  default void should_keep_the_cost_tags_when_an_incident_is_filed_and_read() {
    IncidentRepository repository = subject();
    Map<String, String> tags = Map.of("cost_center", "CC-42 \"finance\"", "team", "data-platform", "CostCenter", "é<&>");

    Filing filed = repository.file(Samples.draft("ct-1", 'c', Samples.T0, tags));
    Filing untagged = repository.file(Samples.draft("ct-2", 'd', Samples.T0));

    assertThat(filed.incident().costTags()).isEqualTo(tags);
    assertThat(repository.find(filed.incident().id()).orElseThrow().costTags()).isEqualTo(tags);
    assertThat(repository.list(IncidentQuery.all(10)))
        .filteredOn(incident -> incident.id().equals(filed.incident().id()))
        .singleElement()
        .satisfies(incident -> assertThat(incident.costTags()).isEqualTo(tags));
    assertThat(repository.find(untagged.incident().id()).orElseThrow().costTags()).isEmpty();
    Filing recurred = repository.file(Samples.draft("ct-3", 'c', Samples.T0.plusSeconds(60), Map.of("team", "other")));
    assertThat(recurred.incident().costTags()).isEqualTo(tags);
  }

  @Test
  default void should_keep_what_the_failure_held_back_when_an_incident_is_filed_and_read() {
    IncidentRepository repository = subject();
    List<String> impact = List.of("publish UPSTREAM_FAILED", "notify \"ops\" EXCLUDED");
    IncidentDraft plain = Samples.draft("im-1", 'e', Samples.T0);

    Filing filed = repository.file(new IncidentDraft(plain.run(), plain.signature(), plain.jobName(), plain.at(),
        plain.analysis(), Map.of(), impact));
    Filing without = repository.file(Samples.draft("im-2", 'f', Samples.T0));

    assertThat(filed.incident().impact()).isEqualTo(impact);
    assertThat(repository.find(filed.incident().id()).orElseThrow().impact()).isEqualTo(impact);
    assertThat(repository.find(without.incident().id()).orElseThrow().impact()).isEmpty();
  }

  @Test
  default void should_file_a_run_once_when_it_is_filed_twice() {
    IncidentRepository repository = subject();
    repository.file(Samples.draft("1", 'a', Samples.T0));
    repository.file(Samples.draft("2", 'a', Samples.T0));

    Filing again = repository.file(Samples.draft("2", 'a', Samples.T0));

    assertThat(again).isInstanceOf(Filing.Recurred.class);
    assertThat(again.incident().occurrences()).isEqualTo(2);
    assertThat(repository.file(Samples.draft("1", 'a', Samples.T0))).isInstanceOf(Filing.Opened.class);
  }

  @Test
  default void should_open_a_new_incident_when_the_signature_recurs_after_resolution() {
    IncidentRepository repository = subject();
    Incident first = repository.file(Samples.draft("1", 'a', Samples.T0)).incident();
    repository.changeStatus(first.id(), IncidentStatus.RESOLVED);

    Filing later = repository.file(Samples.draft("2", 'a', Samples.T0.plusSeconds(5)));

    assertThat(later).isInstanceOf(Filing.Opened.class);
    assertThat(later.incident().id()).isNotEqualTo(first.id());
    assertThat(repository.find(first.id())).map(Incident::status).contains(IncidentStatus.RESOLVED);
  }

  @Test
  default void should_keep_the_first_analysis_when_a_recurrence_is_filed() {
    IncidentRepository repository = subject();
    Incident first = repository.file(Samples.draft("1", 'a', Samples.T0)).incident();

    Incident recurred = repository.file(Samples.draft("2", 'a', Samples.T0.plusSeconds(1))).incident();

    assertThat(recurred.analysis()).isEqualTo(first.analysis());
    assertThat(recurred.firstRun()).isEqualTo(RunKey.of(Source.DATABRICKS, "1"));
  }

  @Test
  default void should_attach_ticket_and_notification_when_asked() {
    IncidentRepository repository = subject();
    IncidentId id = repository.file(Samples.draft("1", 'a', Samples.T0)).incident().id();

    repository.attachTicket(id, new TicketRef("jira", "OPS-1", "https://jira/OPS-1"));
    repository.attachNotification(id, new NotificationRef("C1", "1700000000.000100"));

    Incident found = repository.find(id).orElseThrow();
    assertThat(found.ticket()).contains(new TicketRef("jira", "OPS-1", "https://jira/OPS-1"));
    assertThat(found.notification()).contains(new NotificationRef("C1", "1700000000.000100"));
    assertThat(found.analysis()).isEqualTo(Samples.draft("1", 'a', Samples.T0).analysis());
  }

  @Test
  default void should_keep_the_assignment_and_its_later_priority_when_an_incident_is_assigned() {
    IncidentRepository repository = subject();
    IncidentId id = repository.file(Samples.draft("1", 'a', Samples.T0)).incident().id();
    Assignment assignment = new Assignment("sales", Optional.of("team-sales"), Priority.P2,
        Optional.of("https://wiki.example/runbooks/TIMEOUT?job=sales%20daily"));

    assertThat(repository.find(id).orElseThrow().assignment()).isEqualTo(Assignment.UNROUTED);
    repository.assign(id, assignment);
    repository.attachTicket(id, new TicketRef("jira", "OPS-1", "https://jira/OPS-1"));
    repository.assign(id, assignment.withPriority(Priority.P1));

    Incident found = repository.find(id).orElseThrow();
    assertThat(found.assignment()).isEqualTo(assignment.withPriority(Priority.P1));
    assertThat(found.ticket()).isPresent();
    assertThatThrownBy(() -> repository.assign(new IncidentId(999), assignment))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void should_refuse_updates_when_the_incident_does_not_exist() {
    IncidentRepository repository = subject();

    assertThatThrownBy(() -> repository.attachTicket(new IncidentId(999), new TicketRef("jira", "X-1", "")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(repository.find(new IncidentId(999))).isEmpty();
  }

  @Test
  default void should_list_newest_first_and_filter_when_queried() {
    IncidentRepository repository = subject();
    repository.file(Samples.draft("1", 'a', Samples.T0));
    repository.file(Samples.draft("2", 'b', Samples.T0.plusSeconds(10)));
    repository.file(Samples.draft("3", 'c', Samples.T0.plusSeconds(20)));

    List<Incident> all = repository.list(IncidentQuery.all(10));
    List<Incident> two = repository.list(IncidentQuery.all(2));
    List<Incident> adf = repository.list(new IncidentQuery(Optional.of(Source.ADF), Optional.empty(),
        Optional.empty(), Optional.empty(), 10));

    assertThat(all).extracting(i -> i.firstRun().runId().value()).containsExactly("3", "2", "1");
    assertThat(two).hasSize(2);
    assertThat(adf).isEmpty();
  }

  @Test
  default void should_page_newest_first_with_the_total_of_every_match_when_paged() {
    IncidentRepository repository = subject();
    for (int i = 0; i < 5; i++) {
      repository.file(draft(Source.DATABRICKS, "p" + i, (char) ('a' + i), Category.TIMEOUT,
          Samples.T0.plusSeconds(i)));
    }
    repository.file(draft(Source.ADF, "p9", 'f', Category.TIMEOUT, Samples.T0.plusSeconds(9)));

    IncidentListing first = repository.page(IncidentQuery.all(2), 0);
    IncidentListing last = repository.page(IncidentQuery.all(2), 4);
    IncidentListing beyond = repository.page(IncidentQuery.all(2), 10);
    IncidentListing databricks = repository.page(new IncidentQuery(Optional.of(Source.DATABRICKS),
        Optional.empty(), Optional.empty(), Optional.empty(), 3), 3);

    assertThat(first.items()).extracting(i -> i.firstRun().runId().value()).containsExactly("p9", "p4");
    assertThat(first.total()).isEqualTo(6);
    assertThat(first.hasMore()).isTrue();
    assertThat(last.items()).extracting(i -> i.firstRun().runId().value()).containsExactly("p1", "p0");
    assertThat(last.hasMore()).isFalse();
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(6);
    assertThat(databricks.items()).extracting(i -> i.firstRun().runId().value()).containsExactly("p1", "p0");
    assertThat(databricks.total()).isEqualTo(5);
    assertThat(databricks.hasMore()).isFalse();
  }

  @Test
  default void should_count_every_matching_incident_by_source_category_and_status_when_counted() {
    IncidentRepository repository = subject();
    repository.file(draft(Source.DATABRICKS, "c1", 'a', Category.TIMEOUT, Samples.T0));
    repository.file(draft(Source.DATABRICKS, "c2", 'b', Category.OUT_OF_MEMORY, Samples.T0));
    repository.file(draft(Source.DATABRICKS, "c3", 'b', Category.OUT_OF_MEMORY, Samples.T0.plusSeconds(1)));
    Incident adf = repository.file(draft(Source.ADF, "c4", 'c', Category.TIMEOUT, Samples.T0)).incident();
    repository.changeStatus(adf.id(), IncidentStatus.RESOLVED);

    IncidentCounts all = repository.count(IncidentQuery.all(1));
    IncidentCounts timeouts = repository.count(new IncidentQuery(Optional.empty(), Optional.of(Category.TIMEOUT),
        Optional.empty(), Optional.empty(), 1));

    assertThat(all.total()).isEqualTo(3);
    assertThat(all.bySource()).isEqualTo(Map.of(Source.DATABRICKS, 2L, Source.ADF, 1L));
    assertThat(all.byCategory()).isEqualTo(Map.of(Category.TIMEOUT, 2L, Category.OUT_OF_MEMORY, 1L));
    assertThat(all.byStatus()).isEqualTo(Map.of(IncidentStatus.OPEN, 2L, IncidentStatus.RESOLVED, 1L));
    assertThat(timeouts.total()).isEqualTo(2);
    assertThat(timeouts.byCategory()).isEqualTo(Map.of(Category.TIMEOUT, 2L));
  }

  @Test
  default void should_count_filed_runs_per_utc_day_and_category_within_the_window() {
    IncidentRepository repository = subject();
    Instant day1 = Instant.parse("2026-11-20T00:00:00Z");
    Instant day2 = day1.plus(Duration.ofDays(1));
    repository.file(draft(Source.DATABRICKS, "d0", 'a', Category.TIMEOUT, day1.minusSeconds(1)));
    repository.file(draft(Source.DATABRICKS, "d1", 'a', Category.TIMEOUT, day1));
    repository.file(draft(Source.DATABRICKS, "d2", 'a', Category.TIMEOUT, day2.minusSeconds(1)));
    repository.file(draft(Source.DATABRICKS, "d3", 'a', Category.TIMEOUT, day2.plusSeconds(3600)));
    repository.file(draft(Source.ADF, "d4", 'b', Category.NETWORK, day2.plusSeconds(7200)));
    repository.file(draft(Source.ADF, "d5", 'b', Category.NETWORK, day2.plus(Duration.ofDays(1))));

    List<DailyFailures> all = repository.failuresPerDay(IncidentQuery.all(1), day1, day2.plus(Duration.ofDays(1)));
    List<DailyFailures> adf = repository.failuresPerDay(new IncidentQuery(Optional.of(Source.ADF),
        Optional.empty(), Optional.empty(), Optional.empty(), 1), day1, day2.plus(Duration.ofDays(1)));

    LocalDate first = LocalDate.parse("2026-11-20");
    assertThat(all).containsExactly(
        new DailyFailures(first, Category.TIMEOUT, 2),
        new DailyFailures(first.plusDays(1), Category.TIMEOUT, 1),
        new DailyFailures(first.plusDays(1), Category.NETWORK, 1));
    assertThat(adf).containsExactly(new DailyFailures(first.plusDays(1), Category.NETWORK, 1));
  }

  @Test
  default void should_find_incidents_by_text_in_their_job_cause_or_summary_ignoring_case_when_searched() {
    IncidentRepository repository = subject();
    repository.file(new IncidentDraft(RunKey.of(Source.DATABRICKS, "t1"), Samples.signature('a'), "Nightly_ORDERS",
        Samples.T0, Samples.analysis(Category.TIMEOUT, "Read timed out")));
    repository.file(new IncidentDraft(RunKey.of(Source.DATABRICKS, "t2"), Samples.signature('b'), "etl_users",
        Samples.T0, Samples.analysis(Category.NETWORK, "Disk 100% full on /dbfs")));
    repository.file(new IncidentDraft(RunKey.of(Source.DATABRICKS, "t3"), Samples.signature('c'), "etl_items",
        Samples.T0, withSummary(Samples.analysis(Category.NETWORK, "exit code 1"), "the SFTP host refused us (data-bus)")));
    repository.file(new IncidentDraft(RunKey.of(Source.ADF, "t4"), Samples.signature('d'), "pl_copy_1000",
        Samples.T0, Samples.analysis(Category.NETWORK, "Connection a_b reset")));

    assertThat(runIds(repository, IncidentQuery.all(10).withText("orders"))).containsExactly("t1");
    assertThat(runIds(repository, IncidentQuery.all(10).withText("READ TIMED"))).containsExactly("t1");
    assertThat(runIds(repository, IncidentQuery.all(10).withText("sftp HOST"))).containsExactly("t3");
    // LIKE's wildcards are searched for as themselves: 100% does not match 1000, a_b does not match "axb".
    assertThat(runIds(repository, IncidentQuery.all(10).withText("100%"))).containsExactly("t2");
    assertThat(runIds(repository, IncidentQuery.all(10).withText("a_b"))).containsExactly("t4");
    assertThat(runIds(repository, IncidentQuery.all(10).withText("%"))).containsExactly("t2");
    assertThat(runIds(repository, IncidentQuery.all(10).withText("\\"))).isEmpty();
    IncidentQuery networkWithE = new IncidentQuery(Optional.empty(), Optional.of(Category.NETWORK),
        Optional.empty(), Optional.empty(), 1).withText("etl_");
    IncidentListing page = repository.page(networkWithE, 0);
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.items()).hasSize(1);
    assertThat(repository.count(networkWithE).total()).isEqualTo(2);
  }

  @Test
  default void should_keep_only_incidents_last_seen_within_the_range_when_a_time_range_is_given() {
    IncidentRepository repository = subject();
    for (int hour = 0; hour < 5; hour++) {
      repository.file(draft(Source.DATABRICKS, "r" + hour, (char) ('a' + hour), Category.TIMEOUT,
          Samples.T0.plus(Duration.ofHours(hour))));
    }
    Optional<Instant> one = Optional.of(Samples.T0.plus(Duration.ofHours(1)));
    Optional<Instant> three = Optional.of(Samples.T0.plus(Duration.ofHours(3)));

    assertThat(runIds(repository, IncidentQuery.all(10).withRange(one, three))).containsExactly("r2", "r1");
    assertThat(runIds(repository, IncidentQuery.all(10).withRange(three, Optional.empty())))
        .containsExactly("r4", "r3");
    assertThat(runIds(repository, IncidentQuery.all(10).withRange(Optional.empty(), one))).containsExactly("r0");
    assertThat(repository.page(IncidentQuery.all(1).withRange(one, three), 1).total()).isEqualTo(2);
    assertThat(repository.count(IncidentQuery.all(1).withRange(one, three)).total()).isEqualTo(2);
  }

  @Test
  default void should_order_by_the_asked_key_and_direction_with_ties_broken_by_id_when_sorted() {
    IncidentRepository repository = subject();
    repository.file(draft(Source.DATABRICKS, "s1", 'a', Category.TIMEOUT, Samples.T0.plusSeconds(30)));
    repository.file(draft(Source.DATABRICKS, "s2", 'b', Category.TIMEOUT, Samples.T0.plusSeconds(10)));
    repository.file(draft(Source.DATABRICKS, "s3", 'c', Category.TIMEOUT, Samples.T0.plusSeconds(20)));
    // s2 recurs twice and becomes the latest seen; s3 once; s1 never.
    repository.file(draft(Source.DATABRICKS, "s2b", 'b', Category.TIMEOUT, Samples.T0.plusSeconds(40)));
    repository.file(draft(Source.DATABRICKS, "s2c", 'b', Category.TIMEOUT, Samples.T0.plusSeconds(50)));
    repository.file(draft(Source.DATABRICKS, "s3b", 'c', Category.TIMEOUT, Samples.T0.plusSeconds(35)));

    assertThat(runIds(repository, IncidentQuery.all(10))).containsExactly("s2", "s3", "s1");
    assertThat(runIds(repository, IncidentQuery.all(10).sortedBy(
        new IncidentSort(IncidentSortKey.LAST_SEEN, false)))).containsExactly("s1", "s3", "s2");
    assertThat(runIds(repository, IncidentQuery.all(10).sortedBy(
        new IncidentSort(IncidentSortKey.FIRST_SEEN, true)))).containsExactly("s1", "s3", "s2");
    assertThat(runIds(repository, IncidentQuery.all(10).sortedBy(
        new IncidentSort(IncidentSortKey.OCCURRENCES, true)))).containsExactly("s2", "s3", "s1");
    assertThat(runIds(repository, IncidentQuery.all(10).sortedBy(
        new IncidentSort(IncidentSortKey.OCCURRENCES, false)))).containsExactly("s1", "s3", "s2");
    IncidentQuery fewestFirst = IncidentQuery.all(2).sortedBy(new IncidentSort(IncidentSortKey.OCCURRENCES, false));
    assertThat(repository.page(fewestFirst, 2).items()).extracting(i -> i.firstRun().runId().value())
        .containsExactly("s2");
  }

  @Test
  default void should_break_ties_by_id_in_the_order_asked_when_many_share_a_value() {
    IncidentRepository repository = subject();
    for (int i = 0; i < 4; i++) {
      repository.file(draft(Source.DATABRICKS, "e" + i, (char) ('a' + i), Category.TIMEOUT, Samples.T0));
    }
    IncidentQuery oldest = IncidentQuery.all(2).sortedBy(new IncidentSort(IncidentSortKey.FIRST_SEEN, false));

    assertThat(repository.page(oldest, 0).items()).extracting(i -> i.firstRun().runId().value())
        .containsExactly("e0", "e1");
    assertThat(repository.page(oldest, 2).items()).extracting(i -> i.firstRun().runId().value())
        .containsExactly("e2", "e3");
  }

  @Test
  default void should_keep_the_run_page_of_the_run_that_opened_it_when_filed_with_one() {
    IncidentRepository repository = subject();
    String page = "https://adf.azure.com/en/monitoring/pipelineruns/run-1?factory=%2Fsubscriptions%2Fs";
    Incident opened = repository.file(new IncidentDraft(RunKey.of(Source.ADF, "run-1"), Samples.signature('a'),
        "pl_copy", Samples.T0, Samples.analysis(Category.TIMEOUT, "timeout"), Map.of(), List.of(),
        Optional.of(page))).incident();
    Incident recurred = repository.file(new IncidentDraft(RunKey.of(Source.ADF, "run-2"), Samples.signature('a'),
        "pl_copy", Samples.T0.plusSeconds(1), Samples.analysis(Category.TIMEOUT, "timeout"), Map.of(), List.of(),
        Optional.of("https://adf.azure.com/other"))).incident();
    Incident without = repository.file(Samples.draft("run-3", 'b', Samples.T0)).incident();

    assertThat(opened.runPageUrl()).contains(page);
    assertThat(recurred.runPageUrl()).contains(page);
    assertThat(repository.find(opened.id()).orElseThrow().runPageUrl()).contains(page);
    assertThat(repository.list(IncidentQuery.all(10))).extracting(Incident::runPageUrl)
        .containsExactlyInAnyOrder(Optional.of(page), Optional.empty());
    assertThat(repository.find(without.id()).orElseThrow().runPageUrl()).isEmpty();
  }

  private static List<String> runIds(IncidentRepository repository, IncidentQuery query) {
    return repository.page(query, 0).items().stream().map(i -> i.firstRun().runId().value()).toList();
  }

  private static RootCauseAnalysis withSummary(RootCauseAnalysis a, String summary) {
    return new RootCauseAnalysis(a.category(), a.rootCauseLine(), a.failedTask(), summary, a.evidence(),
        a.recommendedActions(), a.entities(), a.confidence(), a.analyzer(), a.classification(), a.flags());
  }

  private static IncidentDraft draft(Source source, String runId, char signature, Category category, Instant at) {
    return new IncidentDraft(RunKey.of(source, runId), Samples.signature(signature), "job_" + signature, at,
        Samples.analysis(category, "[" + category + "] sample"));
  }
}
