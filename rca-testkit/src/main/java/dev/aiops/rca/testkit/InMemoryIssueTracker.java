package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketRequest;
import dev.aiops.rca.domain.TicketState;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.out.IssueTracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** An issue tracker in memory: keys {@code FAKE-1}, {@code FAKE-2} ..., recording every call, failing on demand. */
public final class InMemoryIssueTracker implements IssueTracker {

  private final Map<String, TicketRef> byKey = new LinkedHashMap<>();
  private final Map<String, TicketRequest> requests = new LinkedHashMap<>();
  private final List<Recurrence> recurrences = new ArrayList<>();
  private final Map<String, List<String>> comments = new LinkedHashMap<>();
  private final Set<String> done = new TreeSet<>();
  private final FailureInjector failures = new FailureInjector();
  private int openCalls;

  public FailureInjector failures() {
    return failures;
  }

  @Override
  public String system() {
    return "fake";
  }

  @Override
  public synchronized TicketRef open(TicketRequest request) {
    openCalls++;
    failures.maybeFail();
    TicketRef existing = byKey.get(request.idempotencyKey());
    if (existing != null) {
      return existing;
    }
    String key = "FAKE-" + (byKey.size() + 1);
    TicketRef ticket = new TicketRef(system(), key, "https://tracker.invalid/" + key);
    byKey.put(request.idempotencyKey(), ticket);
    requests.put(key, request);
    return ticket;
  }

  @Override
  public synchronized Optional<TicketRef> findByIdempotencyKey(String idempotencyKey) {
    failures.maybeFail();
    return Optional.ofNullable(byKey.get(idempotencyKey));
  }

  @Override
  public synchronized void recordRecurrence(TicketRef ticket, Recurrence recurrence) {
    failures.maybeFail();
    if (!requests.containsKey(ticket.key())) {
      throw new PermanentPortException("no ticket " + ticket.key());
    }
    recurrences.add(recurrence);
  }

  @Override
  public synchronized void comment(TicketRef ticket, String text) {
    failures.maybeFail();
    if (!requests.containsKey(ticket.key())) {
      throw new PermanentPortException("no ticket " + ticket.key());
    }
    comments.computeIfAbsent(ticket.key(), k -> new ArrayList<>()).add(text);
  }

  @Override
  public synchronized TicketState state(TicketRef ticket) {
    failures.maybeFail();
    known(ticket);
    return done.contains(ticket.key()) ? TicketState.done("Done") : TicketState.open("Open");
  }

  @Override
  public synchronized void close(TicketRef ticket, String note) {
    failures.maybeFail();
    known(ticket);
    if (done.add(ticket.key())) {
      comments.computeIfAbsent(ticket.key(), k -> new ArrayList<>()).add(note);
    }
  }

  /** Closes the ticket as a person would in the tracker, without a note. */
  public synchronized void closeByHand(String ticketKey) {
    done.add(ticketKey);
  }

  /** Opens a closed ticket again, as a person would. */
  public synchronized void reopenByHand(String ticketKey) {
    done.remove(ticketKey);
  }

  private void known(TicketRef ticket) {
    if (!requests.containsKey(ticket.key())) {
      throw new PermanentPortException("no ticket " + ticket.key());
    }
  }

  /** The notes added to a ticket, oldest first. */
  public synchronized List<String> comments(String ticketKey) {
    return List.copyOf(comments.getOrDefault(ticketKey, List.of()));
  }

  /** The tickets opened, in order. */
  public synchronized List<TicketRequest> tickets() {
    return List.copyOf(requests.values());
  }

  public synchronized List<Recurrence> recurrences() {
    return List.copyOf(recurrences);
  }

  /** How often {@link #open} was called, including calls that failed or returned an existing ticket. */
  public synchronized int openCalls() {
    return openCalls;
  }
}
