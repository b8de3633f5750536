package dev.aiops.rca.adapter.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketRequest;
import dev.aiops.rca.domain.TicketState;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.IssueTracker;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issue tracker on Jira Cloud (REST v3, descriptions in Atlassian Document Format) or Data Center (REST v2,
 * wiki markup).
 *
 * <p>Every ticket carries the label {@code rca-sig-<signature>} and its idempotency key as a label. Before opening,
 * the tracker searches for both: the same key returns that ticket; an open ticket of the same signature is reused
 * (commented and given the key); a resolved one is reopened, or left resolved and linked to a new ticket, per
 * {@link JiraSettings#reopen()}. Search lags writes by seconds, so the caller's own record of opened tickets stays
 * the first line of defence. Thread-safe: it keeps no state between calls.
 */
public final class JiraIssueTracker implements IssueTracker {

  private static final Logger LOG = LoggerFactory.getLogger(JiraIssueTracker.class);
  static final String OCCURRENCES_LABEL = "rca-occurrences-";
  private static final int SUMMARY_MAX = 255;

  private final JiraSettings settings;
  private final JiraApi api;

  JiraIssueTracker(JiraSettings settings, HttpTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.api = new JiraApi(settings, transport);
  }

  /** A tracker on the configured site, with a JDK HTTP client that does not follow redirects. */
  public static JiraIssueTracker create(JiraSettings settings) {
    return new JiraIssueTracker(settings, HttpTransport.standard(settings.requestTimeout()));
  }

  @Override
  public String system() {
    return "jira";
  }

  @Override
  public TicketRef open(TicketRequest request) {
    String keyLabel = keyLabel(request.idempotencyKey());
    String signatureLabel = signatureLabel(request);
    List<Found> found = search(List.of(keyLabel, signatureLabel), 20, "search for the signature's ticket");
    Optional<Found> same = found.stream().filter(f -> f.labels().contains(keyLabel)).findFirst();
    if (same.isPresent()) {
      return ref(same.get().key());
    }
    Optional<Found> open = found.stream().filter(f -> !f.done()).findFirst();
    if (open.isPresent()) {
      adopt(open.get().key(), request, keyLabel);
      return ref(open.get().key());
    }
    Optional<Found> resolved = found.stream().filter(Found::done).findFirst();
    // Adopting a ticket that stays done would let the ticket sync resolve the new incident at once.
    if (resolved.isPresent() && settings.reopen() && reopen(resolved.get().key())) {
      String key = resolved.get().key();
      adopt(key, request, keyLabel);
      return ref(key);
    }
    String created = create(request, keyLabel, signatureLabel, resolved.map(Found::key));
    resolved.ifPresent(old -> link(created, old.key()));
    return ref(created);
  }

  @Override
  public Optional<TicketRef> findByIdempotencyKey(String idempotencyKey) {
    return search(List.of(keyLabel(idempotencyKey)), 1, "search by idempotency key").stream()
        .findFirst()
        .map(found -> ref(found.key()));
  }

  @Override
  public void recordRecurrence(TicketRef ticket, Recurrence recurrence) {
    String key = ticket.key();
    JsonNode issue = api.get(issuePath(key) + "?fields=status,labels", "read issue " + key, Optional.of(key));
    Optional<String> note = Optional.empty();
    if (isDone(issue)) {
      if (!settings.reopen()) {
        note = Optional.of("This ticket is resolved and is not reopened automatically (JIRA_REOPEN=false): "
            + "reopen it, or link a new ticket, if the fix did not hold.");
      } else if (reopen(key)) {
        note = Optional.of("Reopened, because the failure recurred after the ticket was resolved.");
      } else {
        note = Optional.of("This ticket is resolved and its workflow offers no way back to open: reopen it by hand.");
      }
    }
    comment(key, JiraContent.recurrence(recurrence, note));
    recordCount(key, labelsOf(issue), recurrence.occurrences());
  }

  @Override
  public void comment(TicketRef ticket, String text) {
    comment(ticket.key(), JiraContent.note(text));
  }

  @Override
  public TicketState state(TicketRef ticket) {
    JsonNode status = readStatus(ticket.key());
    String name = status.path("name").asText("");
    String category = status.path("statusCategory").path("key").asText("");
    String shown = name.isBlank() ? (category.isBlank() ? "unknown" : category) : name;
    return category.equals("done") ? TicketState.done(shown) : TicketState.open(shown);
  }

  /**
   * Moves the issue along its done transition with the note as the transition's comment, in one request, so that
   * a retry cannot leave the note twice; an issue already done is left as it is.
   */
  @Override
  public void close(TicketRef ticket, String note) {
    String key = ticket.key();
    if (readStatus(key).path("statusCategory").path("key").asText("").equals("done")) {
      return;
    }
    JsonNode transitions = api.get(issuePath(key) + "/transitions", "list transitions of " + key, Optional.of(key));
    String id = pickDone(transitions.path("transitions"), settings.doneTransition(), key);
    ObjectNode body = api.json().createObjectNode();
    body.putObject("transition").put("id", id);
    JiraDocument comment = JiraContent.note(note);
    ObjectNode add = body.putObject("update").putArray("comment").addObject().putObject("add");
    if (settings.apiVersion() == 3) {
      add.set("body", comment.adf());
    } else {
      add.put("body", comment.wiki());
    }
    api.post(issuePath(key) + "/transitions", body, "close issue " + key, Optional.of(key));
    LOG.info("jira issue {} closed by transition {}", key, id);
  }

  private JsonNode readStatus(String key) {
    return api.get(issuePath(key) + "?fields=status", "read the status of " + key, Optional.of(key))
        .path("fields").path("status");
  }

  /**
   * The transition that finishes an issue: the one named {@code JIRA_DONE_TRANSITION} (case aside), else the first
   * whose target status is in the done category.
   *
   * @throws PermanentPortException naming the transitions there are, when none fits
   */
  static String pickDone(JsonNode transitions, Optional<String> named, String key) {
    List<String> names = new ArrayList<>();
    for (JsonNode t : transitions) {
      String name = t.path("name").asText("");
      names.add(name);
      boolean fits = named.isPresent() ? name.equalsIgnoreCase(named.get())
          : t.path("to").path("statusCategory").path("key").asText("").equals("done");
      if (fits) {
        return t.path("id").asText();
      }
    }
    String available = names.isEmpty() ? "none" : String.join(", ", names);
    throw new PermanentPortException(named
        .map(name -> "Jira issue " + key + " has no transition named '" + name + "' (JIRA_DONE_TRANSITION); its "
            + "transitions are: " + available)
        .orElse("Jira issue " + key + " has no transition to a done status; its transitions are: " + available
            + ". Set JIRA_DONE_TRANSITION to the one that finishes an issue"));
  }

  private String create(TicketRequest request, String keyLabel, String signatureLabel, Optional<String> resolved) {
    ObjectNode body = api.json().createObjectNode();
    ObjectNode fields = body.putObject("fields");
    Destinations to = request.destinations();
    String project = to.jiraProject().orElse(settings.projectKey());
    fields.putObject("project").put("key", project);
    to.jiraComponent().ifPresent(component -> fields.putArray("components").addObject().put("name", component));
    // Cloud names people by account id (GDPR, 2019); Data Center by user name.
    to.jiraAssignee().ifPresent(assignee -> fields.putObject("assignee")
        .put(settings.apiVersion() == 3 ? "accountId" : "name", assignee));
    fields.putObject("issuetype").put("name", settings.issueType());
    fields.put("summary", shorten(request.summary().replaceAll("\\s+", " ").strip(), SUMMARY_MAX));
    JiraDocument description = JiraContent.description(request, settings.dashboardUrl(), resolved);
    if (settings.apiVersion() == 3) {
      fields.set("description", description.adf());
    } else {
      fields.put("description", description.wiki());
    }
    Set<String> labels = new LinkedHashSet<>(request.labels());
    labels.add(signatureLabel);
    labels.add(keyLabel);
    ArrayNode labelArray = fields.putArray("labels");
    labels.forEach(labelArray::add);
    if (settings.setPriority()) {
      fields.putObject("priority").put("name", settings.priorityName(request.priority()));
    }
    int occurrences = request.details().map(d -> d.occurrences()).orElse(1);
    settings.occurrenceField().ifPresent(field -> fields.put(field, occurrences));
    JsonNode created = createIssue(body, project);
    String key = created.path("key").asText("");
    if (key.isBlank()) {
      throw JiraErrors.notJson("create issue", created.toString());
    }
    LOG.info("jira issue {} opened for incident {}", key, request.incident());
    return key;
  }

  /**
   * Creates the issue; when the project refuses the priority field (not on its create screen, or a name its scheme
   * lacks), creates it again without, so that the ticket is not lost over its priority, and says so.
   */
  private JsonNode createIssue(ObjectNode body, String project) {
    String call = "create issue in project " + project;
    try {
      return api.post("issue", body, call, Optional.empty());
    } catch (PermanentPortException e) {
      ObjectNode fields = (ObjectNode) body.path("fields");
      if (!fields.has("priority") || !e.getMessage().contains("field 'priority'")) {
        throw e;
      }
      String refused = fields.path("priority").path("name").asText();
      fields.remove("priority");
      LOG.warn("jira project {} refused priority '{}' ({}); the issue is created without a priority: put the "
          + "priority field on the project's create screen, set JIRA_PRIORITY_NAMES to its scheme's names, or "
          + "JIRA_SET_PRIORITY=false", project, refused, e.getMessage());
      return api.post("issue", body, call + " without a priority", Optional.empty());
    }
  }

  /** An open ticket of the same signature takes the new incident: labelled first, so that a retry finds it. */
  private void adopt(String key, TicketRequest request, String keyLabel) {
    ObjectNode body = api.json().createObjectNode();
    body.putObject("update").putArray("labels").addObject().put("add", keyLabel);
    api.put(issuePath(key), body, "label issue " + key, Optional.of(key));
    comment(key, JiraContent.adopted(request));
  }

  /** Moves a resolved issue back to an open status; false when its workflow offers no such transition. */
  private boolean reopen(String key) {
    JsonNode transitions = api.get(issuePath(key) + "/transitions", "list transitions of " + key, Optional.of(key));
    Optional<String> id = pickReopen(transitions.path("transitions"));
    if (id.isEmpty()) {
      LOG.warn("jira issue {} has no transition back to open; left resolved", key);
      return false;
    }
    ObjectNode body = api.json().createObjectNode();
    body.putObject("transition").put("id", id.get());
    api.post(issuePath(key) + "/transitions", body, "reopen issue " + key, Optional.of(key));
    return true;
  }

  // Workflows name it differently: prefer a transition called Reopen, then any that leads to a to-do status.
  static Optional<String> pickReopen(JsonNode transitions) {
    for (JsonNode t : transitions) {
      if (t.path("name").asText("").toLowerCase(Locale.ROOT).contains("reopen")) {
        return Optional.of(t.path("id").asText());
      }
    }
    for (String category : List.of("new", "indeterminate")) {
      for (JsonNode t : transitions) {
        if (t.path("to").path("statusCategory").path("key").asText("").equals(category)) {
          return Optional.of(t.path("id").asText());
        }
      }
    }
    return Optional.empty();
  }

  private void link(String created, String resolved) {
    ObjectNode body = api.json().createObjectNode();
    body.putObject("type").put("name", "Relates");
    body.putObject("inwardIssue").put("key", created);
    body.putObject("outwardIssue").put("key", resolved);
    try {
      api.post("issueLink", body, "link " + created + " to " + resolved, Optional.of(resolved));
    } catch (PortException e) {
      // The ticket exists and names the resolved one in its description; a missing link is not worth failing for.
      LOG.warn("jira issues {} and {} not linked: {}", created, resolved, e.getMessage());
    }
  }

  private void comment(String key, JiraDocument comment) {
    ObjectNode body = api.json().createObjectNode();
    if (settings.apiVersion() == 3) {
      body.set("body", comment.adf());
    } else {
      body.put("body", comment.wiki());
    }
    api.post(issuePath(key) + "/comment", body, "comment on issue " + key, Optional.of(key));
  }

  private void recordCount(String key, List<String> labels, int occurrences) {
    ObjectNode body = api.json().createObjectNode();
    if (settings.occurrenceField().isPresent()) {
      body.putObject("fields").put(settings.occurrenceField().get(), occurrences);
    } else {
      ArrayNode ops = body.putObject("update").putArray("labels");
      labels.stream().filter(l -> l.startsWith(OCCURRENCES_LABEL)).forEach(l -> ops.addObject().put("remove", l));
      ops.addObject().put("add", OCCURRENCES_LABEL + occurrences);
    }
    api.put(issuePath(key), body, "update the occurrence count of " + key, Optional.of(key));
  }

  /** One issue a search found. */
  private record Found(String key, boolean done, List<String> labels) {}

  private List<Found> search(List<String> labels, int max, String call) {
    // Every project, not only JIRA_PROJECT_KEY: a route may file in its own project, and the labels are specific.
    StringBuilder jql = new StringBuilder("labels in (");
    for (int i = 0; i < labels.size(); i++) {
      jql.append(i == 0 ? "" : ", ").append(quote(labels.get(i)));
    }
    jql.append(") ORDER BY created DESC");
    ObjectNode body = api.json().createObjectNode().put("jql", jql.toString()).put("maxResults", max);
    body.putArray("fields").add("status").add("labels");
    // Cloud removed /search in 2025 (CHANGE-2046); Data Center only has it.
    String path = settings.apiVersion() == 3 ? "search/jql" : "search";
    JsonNode result = api.query(path, body, call);
    List<Found> found = new ArrayList<>();
    for (JsonNode issue : result.path("issues")) {
      String key = issue.path("key").asText("");
      if (!key.isBlank()) {
        found.add(new Found(key, isDone(issue), labelsOf(issue)));
      }
    }
    return found;
  }

  private static boolean isDone(JsonNode issue) {
    return issue.path("fields").path("status").path("statusCategory").path("key").asText("").equals("done");
  }

  private static List<String> labelsOf(JsonNode issue) {
    List<String> labels = new ArrayList<>();
    issue.path("fields").path("labels").forEach(l -> labels.add(l.asText()));
    return labels;
  }

  private TicketRef ref(String key) {
    return new TicketRef(system(), key, settings.browse(key));
  }

  static String signatureLabel(TicketRequest request) {
    return "rca-sig-" + request.signature().shortHash();
  }

  /** The idempotency key as a label: labels are single words of at most 255 characters. */
  static String keyLabel(String idempotencyKey) {
    String label = idempotencyKey.strip().replaceAll("\\s+", "_");
    return label.length() <= 255 ? label : label.substring(0, 255);
  }

  private static String issuePath(String key) {
    return "issue/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
