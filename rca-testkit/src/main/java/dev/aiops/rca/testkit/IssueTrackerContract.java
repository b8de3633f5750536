package dev.aiops.rca.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TicketDetails;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketRequest;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.out.IssueTracker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link IssueTracker} must do; implement {@link #subject()} with a fresh, empty tracker. */
public interface IssueTrackerContract {

  IssueTracker subject();

  static TicketRequest request(String key) {
    return request(key, 'a');
  }

  /**
   * A request for an incident whose signature is made of {@code signatureDigit}; trackers may treat an open ticket
   * of the same signature as the one to reuse, so distinct tickets need distinct signatures.
   */
  static TicketRequest request(String key, char signatureDigit) {
    ErrorSignature signature = Samples.signature(signatureDigit);
    RootCauseAnalysis analysis =
        Samples.analysis(Category.TABLE_OR_VIEW_NOT_FOUND, "[TABLE_OR_VIEW_NOT_FOUND] prod.users");
    TicketDetails details = new TicketDetails("etl_orders", Source.DATABRICKS, analysis, 1,
        Optional.of("https://adb-1/run/1"), Map.of("cost_center", "cc-7"));
    return new TicketRequest(key, new IncidentId(1), signature,
        "[RCA] etl_orders failed: TABLE_OR_VIEW_NOT_FOUND — prod.users", "Root cause: ...",
        List.of("rca", "databricks", "rca-sig-" + signature.shortHash()), Category.TABLE_OR_VIEW_NOT_FOUND,
        Optional.of(details));
  }

  @Test
  default void should_open_a_ticket_and_find_it_by_key_when_asked() {
    IssueTracker tracker = subject();

    TicketRef ticket = tracker.open(request("rca-aaaa-1"));

    assertThat(ticket.system()).isEqualTo(tracker.system());
    assertThat(ticket.key()).isNotBlank();
    assertThat(tracker.findByIdempotencyKey("rca-aaaa-1")).contains(ticket);
  }

  @Test
  default void should_return_the_same_ticket_when_opened_twice_with_one_key() {
    IssueTracker tracker = subject();

    TicketRef first = tracker.open(request("rca-aaaa-1"));
    TicketRef second = tracker.open(request("rca-aaaa-1"));
    TicketRef other = tracker.open(request("rca-bbbb-2", 'b'));

    assertThat(second).isEqualTo(first);
    assertThat(other.key()).isNotEqualTo(first.key());
  }

  @Test
  default void should_find_nothing_when_no_ticket_has_the_key() {
    assertThat(subject().findByIdempotencyKey("rca-none-0")).isEmpty();
  }

  @Test
  default void should_accept_a_recurrence_when_the_ticket_exists() {
    IssueTracker tracker = subject();
    TicketRef ticket = tracker.open(request("rca-aaaa-1"));

    tracker.recordRecurrence(ticket, new Recurrence(new IncidentId(1), RunKey.of(Source.DATABRICKS, "2"), 2,
        Samples.T0));

    assertThat(tracker.findByIdempotencyKey("rca-aaaa-1")).contains(ticket);
  }

  @Test
  default void should_accept_a_note_when_the_ticket_exists() {
    IssueTracker tracker = subject();
    TicketRef ticket = tracker.open(request("rca-aaaa-1"));

    tracker.comment(ticket, "Repair 9 of run 1 ended well; the incident is resolved.");

    assertThat(tracker.findByIdempotencyKey("rca-aaaa-1")).contains(ticket);
  }

  @Test
  default void should_report_a_new_ticket_as_not_done() {
    IssueTracker tracker = subject();
    TicketRef ticket = tracker.open(request("rca-aaaa-1"));

    assertThat(tracker.state(ticket).done()).isFalse();
  }

  @Test
  default void should_report_done_when_closed_and_change_nothing_when_closed_again() {
    IssueTracker tracker = subject();
    TicketRef ticket = tracker.open(request("rca-aaaa-1"));
    TicketRef other = tracker.open(request("rca-bbbb-2", 'b'));

    tracker.close(ticket, "Resolved in the RCA Assistant by olga.");
    tracker.close(ticket, "Resolved in the RCA Assistant by olga.");

    assertThat(tracker.state(ticket).done()).isTrue();
    assertThat(tracker.state(other).done()).isFalse();
  }

  @Test
  default void should_refuse_to_close_or_read_a_ticket_that_does_not_exist() {
    IssueTracker tracker = subject();
    tracker.open(request("rca-aaaa-1"));
    TicketRef missing = new TicketRef(tracker.system(), "OPS-404", "");

    assertThatThrownBy(() -> tracker.state(missing)).isInstanceOf(PermanentPortException.class);
    assertThatThrownBy(() -> tracker.close(missing, "x")).isInstanceOf(PermanentPortException.class);
  }
}
