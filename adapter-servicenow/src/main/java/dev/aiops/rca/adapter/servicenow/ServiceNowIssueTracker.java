package dev.aiops.rca.adapter.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.TicketDetails;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketRequest;
import dev.aiops.rca.domain.TicketState;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.out.IssueTracker;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The issue tracker on ServiceNow incidents through the Table API.
 *
 * <p>An incident carries the failure signature in {@code correlation_id} and the idempotency key in
 * {@code correlation_display}. Opening looks for the key first, then for an active incident of the same signature
 * (which takes a work note instead of a second incident); a recurrence is a work note with the new count. Closing
 * resolves the incident (state 6, a close code and close notes); Resolved, Closed and Canceled count as done, and a
 * done incident never takes a new failure, which opens a new incident instead. Thread-safe: it keeps no state
 * between calls.
 */
public final class ServiceNowIssueTracker implements IssueTracker {

  private static final String TABLE = "/api/now/table/incident";
  private static final String FIELDS = "&sysparm_fields=sys_id,number,state&sysparm_limit=1";
  private static final String RESOLVED = "6";
  /** The incident states of the base system; Resolved, Closed and Canceled are done. */
  private static final Map<String, String> STATES = Map.of("1", "New", "2", "In Progress", "3", "On Hold",
      RESOLVED, "Resolved", "7", "Closed", "8", "Canceled");

  private final ServiceNowSettings settings;
  private final ServiceNowApi api;

  ServiceNowIssueTracker(ServiceNowSettings settings, HttpTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.api = new ServiceNowApi(settings, transport);
  }

  /** A tracker on the configured instance, with a JDK HTTP client that does not follow redirects. */
  public static ServiceNowIssueTracker create(ServiceNowSettings settings) {
    return new ServiceNowIssueTracker(settings, HttpTransport.standard(settings.requestTimeout()));
  }

  @Override
  public String system() {
    return "servicenow";
  }

  @Override
  public TicketRef open(TicketRequest request) {
    Optional<TicketRef> same = findByIdempotencyKey(request.idempotencyKey());
    if (same.isPresent()) {
      return same.get();
    }
    // A Resolved incident stays active until it is closed: only one still being worked on takes the failure.
    Optional<JsonNode> active = first("correlation_id=" + request.signature().value() + "^active=true^state<"
        + RESOLVED, "search by signature");
    if (active.isPresent()) {
      workNote(active.get().path("sys_id").asText(), "Incident " + request.incident()
          + " failed with the same signature and is tracked here.");
      return ref(active.get());
    }
    ObjectNode body = api.json().createObjectNode();
    body.put("short_description", shorten(request.summary().replaceAll("\\s+", " ").strip(), 160));
    body.put("description", description(request));
    body.put("correlation_id", request.signature().value());
    body.put("correlation_display", shorten(request.idempotencyKey(), 100));
    body.put("category", category(request.category()));
    Impact urgencyAndImpact = Impact.of(request.priority());
    body.put("urgency", urgencyAndImpact.urgency());
    body.put("impact", urgencyAndImpact.impact());
    request.destinations().serviceNowAssignmentGroup().or(settings::assignmentGroup)
        .ifPresent(group -> body.put("assignment_group", group));
    JsonNode result = api.post(TABLE, body, "create incident").path("result");
    if (result.path("number").asText("").isBlank()) {
      throw ServiceNowErrors.notJson("create incident", result.toString());
    }
    return ref(result);
  }

  @Override
  public Optional<TicketRef> findByIdempotencyKey(String idempotencyKey) {
    return first("correlation_display=" + shorten(idempotencyKey, 100), "search by idempotency key").map(this::ref);
  }

  @Override
  public void recordRecurrence(TicketRef ticket, Recurrence recurrence) {
    workNote(find(ticket).path("sys_id").asText(), "Failed again: run " + recurrence.run() + " at "
        + recurrence.at() + ". Occurrences: " + recurrence.occurrences() + ".");
  }

  @Override
  public void comment(TicketRef ticket, String text) {
    workNote(find(ticket).path("sys_id").asText(), text);
  }

  @Override
  public TicketState state(TicketRef ticket) {
    String state = find(ticket).path("state").asText("");
    String name = STATES.getOrDefault(state, state.isBlank() ? "unknown" : "state " + state);
    return isDone(state) ? TicketState.done(name) : TicketState.open(name);
  }

  /** Resolves the incident with the configured close code and the note as its close notes, in one PATCH. */
  @Override
  public void close(TicketRef ticket, String note) {
    JsonNode incident = find(ticket);
    if (isDone(incident.path("state").asText(""))) {
      return;
    }
    ObjectNode body = api.json().createObjectNode().put("state", RESOLVED).put("close_code", settings.closeCode())
        .put("close_notes", note);
    api.patch(TABLE + "/" + URLEncoder.encode(incident.path("sys_id").asText(), StandardCharsets.UTF_8), body,
        "resolve incident " + ticket.key());
  }

  private static boolean isDone(String state) {
    return state.equals(RESOLVED) || state.equals("7") || state.equals("8");
  }

  private JsonNode find(TicketRef ticket) {
    return first("number=" + ticket.key(), "find incident " + ticket.key())
        .orElseThrow(() -> new PermanentPortException("ServiceNow has no incident " + ticket.key()
            + ": it was deleted, or the account cannot read it"));
  }

  private void workNote(String sysId, String note) {
    ObjectNode body = api.json().createObjectNode().put("work_notes", note);
    api.patch(TABLE + "/" + URLEncoder.encode(sysId, StandardCharsets.UTF_8), body, "add a work note");
  }

  private Optional<JsonNode> first(String query, String call) {
    JsonNode answer = api.get(TABLE + "?sysparm_query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + FIELDS,
        call);
    JsonNode results = answer.path("result");
    return results.isArray() && results.size() > 0 ? Optional.of(results.get(0)) : Optional.empty();
  }

  private TicketRef ref(JsonNode record) {
    String sysId = record.path("sys_id").asText("");
    return new TicketRef(system(), record.path("number").asText(),
        settings.instance() + "/nav_to.do?uri=incident.do?sys_id=" + sysId);
  }

  // Plain text: the incident form shows description as it is.
  private String description(TicketRequest request) {
    if (request.details().isEmpty()) {
      return request.description() + dashboardLine(request);
    }
    TicketDetails details = request.details().get();
    RootCauseAnalysis analysis = details.analysis();
    StringBuilder text = new StringBuilder();
    text.append("Root cause:\n    ").append(analysis.rootCauseLine()).append("\n\n");
    text.append("Failed task: ").append(analysis.failedTask().isBlank() ? "unknown" : analysis.failedTask())
        .append("\n\n");
    text.append(analysis.summary()).append("\n\n");
    if (!analysis.recommendedActions().isEmpty()) {
      text.append("Recommended actions:\n");
      analysis.recommendedActions().forEach(a -> text.append("- ").append(a).append('\n'));
      text.append('\n');
    }
    details.runPageUrl().ifPresent(url -> text.append("Run page: ").append(url).append('\n'));
    details.assignment().runbookUrl().ifPresent(url -> text.append("Runbook: ").append(url).append('\n'));
    text.append("Priority: ").append(request.priority()).append('\n');
    details.assignment().owner().ifPresent(owner -> text.append("Owner: ").append(owner).append('\n'));
    text.append("Job: ").append(details.jobName()).append(" (").append(details.source().name().toLowerCase(Locale.ROOT))
        .append(")\n");
    if (!details.impact().isEmpty()) {
      text.append("Impact: ").append(String.join("; ", details.impact())).append('\n');
    }
    text.append("Category: ").append(analysis.category()).append('\n');
    text.append("Occurrences: ").append(details.occurrences()).append('\n');
    text.append("Analyzer: ").append(analysis.analyzer()).append(", confidence ")
        .append(String.format(Locale.ROOT, "%.2f", analysis.confidence())).append('\n');
    text.append("Classified by: ").append(analysis.classification().describe()).append('\n');
    if (!details.tags().isEmpty()) {
      text.append("Cost tags: ");
      new TreeMap<>(details.tags()).forEach((k, v) -> text.append(k).append('=').append(v).append(' '));
      text.append('\n');
    }
    text.append("Signature: ").append(request.signature().value());
    return text + dashboardLine(request);
  }

  private String dashboardLine(TicketRequest request) {
    return settings.dashboardUrl()
        .map(d -> "\nRCA dashboard: " + d.toString().replaceAll("/+$", "") + "/incidents/" + request.incident())
        .orElse("");
  }

  // The out-of-the-box incident categories.
  static String category(Category category) {
    switch (category) {
      case NETWORK:
        return "network";
      case TABLE_OR_VIEW_NOT_FOUND:
      case COLUMN_NOT_FOUND:
      case SCHEMA_MISMATCH:
      case DATA_QUALITY:
      case CONCURRENT_MODIFICATION:
        return "database";
      default:
        return "software";
    }
  }

  /**
   * The urgency and impact (1 high, 2 medium, 3 low) whose product ServiceNow's default priority lookup turns into
   * the incident's priority: P1 as 1/1 (Critical), P2 as 1/2 (High), P3 as 2/2 (Moderate), P4 as 3/2 (Low).
   */
  record Impact(String urgency, String impact) {
    static Impact of(Priority priority) {
      switch (priority) {
        case P1:
          return new Impact("1", "1");
        case P2:
          return new Impact("1", "2");
        case P3:
          return new Impact("2", "2");
        default:
          return new Impact("3", "2");
      }
    }
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
