package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.core.analysis.RcaReport;
import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.core.effect.EffectStep;
import dev.aiops.rca.core.effect.Effects;
import dev.aiops.rca.core.routing.RoutingService;
import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.TicketDetails;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketRequest;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.IssueTracker;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens a new incident's ticket, with its summary, labels and report, once: the ticket is looked up by its key
 * before one is opened.
 */
final class TicketStep {

  private final IssueTracker tracker;
  private final IncidentRepository incidents;
  private final Effects effects;
  private final Journal journal;
  private final RoutingService routing;

  TicketStep(IssueTracker tracker, IncidentRepository incidents, Effects effects, Journal journal,
      RoutingService routing) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.effects = Objects.requireNonNull(effects, "effects");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.routing = Objects.requireNonNull(routing, "routing");
  }

  /** The incident with its ticket; as it was when the tracker failed, which is then a problem. */
  Incident open(Incident incident, FailedRun run, Problems problems) {
    if (incident.ticket().isPresent()) {
      return incident; // a resumed delivery: the ticket was opened before the interruption
    }
    TicketRequest request = request(incident, run);
    EffectStep step = journal.step(EffectKey.ticket(incident), EffectKind.TICKET, incident.firstRun(), incident.id());
    try {
      Incident ticketed = effects.cause(step, () -> {
        // Asking first is what keeps a crash between "opened" and "recorded" from opening a second ticket.
        TicketRef ticket = tracker.findByIdempotencyKey(request.idempotencyKey())
            .orElseGet(() -> tracker.open(request));
        Optional<Incident> earlier = earlierWith(incident, ticket);
        return new Effects.Done<>(incidents.attachTicket(incident.id(), ticket), ticket.key(),
            earlier.isPresent() ? AuditAction.TICKET_REOPENED : AuditAction.TICKET_CREATED,
            "ticket " + ticket.key() + " in " + ticket.system()
                + earlier.map(e -> ", reopened: it was incident " + e.id() + "'s, closed before").orElse(""));
      });
      journal.publish(incident.id(), IncidentChange.Kind.TICKETED);
      return ticketed;
    } catch (PortException e) {
      journal.failed(step, AuditAction.TICKET_FAILED, "ticket not opened", e, problems);
      return incident;
    }
  }

  /**
   * The resolved incident of the same job whose ticket the tracker gave again: a tracker that reopens a finished
   * ticket when its failure returns (Jira with {@code JIRA_REOPEN}) answers with that ticket.
   */
  private Optional<Incident> earlierWith(Incident incident, TicketRef ticket) {
    IncidentQuery sameJob = new IncidentQuery(Optional.of(incident.source()), Optional.empty(),
        Optional.of(IncidentStatus.RESOLVED), Optional.of(incident.jobName()), 50);
    return incidents.list(sameJob).stream()
        .filter(other -> !other.id().equals(incident.id()) && other.ticket().filter(ticket::equals).isPresent())
        .findFirst();
  }

  private TicketRequest request(Incident incident, FailedRun run) {
    RootCauseAnalysis analysis = incident.analysis();
    String cause = analysis.rootCauseLine().isBlank() ? analysis.summary() : analysis.rootCauseLine();
    String summary = "[RCA] " + incident.jobName() + " failed: " + analysis.category() + " — " + shorten(cause, 120);
    List<String> labels = List.of(
        "rca",
        incident.source().name().toLowerCase(Locale.ROOT),
        analysis.category().name().toLowerCase(Locale.ROOT),
        "rca-sig-" + incident.signature().shortHash());
    Assignment assignment = incident.assignment();
    return new TicketRequest(EffectKey.ticket(incident).value(), incident.id(), incident.signature(), summary,
        RcaReport.render(run, analysis) + routingLines(assignment), labels, analysis.category(),
        // The incident's cost tags, not all the run's tags: each configured key once, as FileStep resolved it.
        Optional.of(TicketDetails.of(incident, run.runPageUrl(), incident.costTags(), incident.impact())),
        assignment.priority(), routing.destinations(assignment.route()));
  }

  /** Priority, owner, route and runbook, below the report, for whoever picks the ticket up. */
  private static String routingLines(Assignment assignment) {
    return "\n\nPriority: " + assignment.priority()
        + assignment.owner().map(owner -> "\nOwner: " + owner).orElse("")
        + "\nRoute: " + assignment.route()
        + assignment.runbookUrl().map(url -> "\nRunbook: " + url).orElse("");
  }

  private static String shorten(String text, int max) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
