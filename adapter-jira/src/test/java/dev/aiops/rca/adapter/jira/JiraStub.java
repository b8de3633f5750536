package dev.aiops.rca.adapter.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.http.LoopbackStub;
import dev.aiops.rca.http.ScriptedReplies;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jira site on loopback that keeps issues in memory and speaks the REST wire format of v3 and v2: create, JQL
 * search by labels, read, edit labels and fields, comments, transitions (with a comment in their {@code update})
 * and links; plus scripted error answers. Its workflow: To Do --Start progress--> In Progress --Done--> Done, To Do
 * --Done--> Done, and Done --Reopen Issue--> To Do; a test may give open issues other transitions.
 */
public final class JiraStub extends LoopbackStub {

  /** One request as the stub saw it. */
  public record Seen(String method, String path, Map<String, String> headers, String body) {
    public JsonNode json() {
      return readJson(body);
    }
  }

  /** A scripted answer. */
  public record Answer(int status, String body, Map<String, String> headers) implements Reply {
    public static Answer json(int status, String body) {
      return new Answer(status, body, Map.of("Content-Type", "application/json"));
    }
  }

  /** An issue as the stub keeps it. */
  public static final class Issue {
    public final String key;
    public final ObjectNode fields;
    public final Set<String> labels = new LinkedHashSet<>();
    public final List<JsonNode> comments = new CopyOnWriteArrayList<>();
    public volatile String statusCategory = "new";

    Issue(String key, ObjectNode fields) {
      this.key = key;
      this.fields = fields;
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern ISSUE_PATH = Pattern.compile("/rest/api/[23]/issue/([A-Z0-9_]+-[0-9]+)(/[a-z]+)?");

  private final Map<String, Issue> issues = new ConcurrentHashMap<>();
  private final ScriptedReplies<Answer> scripted = new ScriptedReplies<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final String project;
  private volatile String openTransitions = "{\"transitions\":["
      + transition("21", "Start progress", "In Progress", "indeterminate") + ","
      + transition("31", "Done", "Done", "done") + "]}";
  private volatile String doneTransitions = "{\"transitions\":[" + transition("11", "Reopen Issue", "To Do", "new")
      + "]}";

  public JiraStub(String project) {
    this.project = project;
  }

  /** The next calls to {@code method path} get these answers, in order, before the normal ones. */
  public JiraStub script(String method, String path, Answer... answers) {
    scripted.add(method + " " + path, List.of(answers));
    return this;
  }

  /** An issue that exists before the test, with these labels, resolved or not. */
  public Issue existing(boolean resolved, String... labels) {
    Issue issue = new Issue(project + "-" + (issues.size() + 1), MAPPER.createObjectNode());
    issue.labels.addAll(List.of(labels));
    issue.statusCategory = resolved ? "done" : "new";
    issues.put(issue.key, issue);
    return issue;
  }

  /**
   * The transitions open issues offer from now on, each {@code id:name:target status:target category}, such as
   * {@code 51:Resolve issue:Resolved:done}.
   */
  public JiraStub openTransitions(String... transitions) {
    openTransitions = transitions(transitions);
    return this;
  }

  /** The transitions done issues offer from now on, as {@link #openTransitions}; none for a workflow's end. */
  public JiraStub doneTransitions(String... transitions) {
    doneTransitions = transitions(transitions);
    return this;
  }

  private static String transitions(String... transitions) {
    List<String> list = new ArrayList<>();
    for (String t : transitions) {
      String[] part = t.split(":");
      list.add(transition(part[0], part[1], part[2], part[3]));
    }
    return "{\"transitions\":[" + String.join(",", list) + "]}";
  }

  /** Finishes an issue as a person would in Jira. */
  public void finish(String key) {
    issues.get(key).statusCategory = "done";
  }

  public Issue issue(String key) {
    return issues.get(key);
  }

  public int issueCount() {
    return issues.size();
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  public List<Seen> seen(String method, String path) {
    return seen.stream().filter(s -> s.method().equals(method) && s.path().equals(path)).toList();
  }

  @Override
  protected Reply answer(Request request) throws IOException {
    seen.add(new Seen(request.method(), request.path(), request.headers(), request.body()));
    Answer answer = scripted.next(request.method() + " " + request.path());
    return answer != null ? answer : normal(request.method(), request.path(), request.body());
  }

  private synchronized Answer normal(String method, String path, String body) throws IOException {
    if (method.equals("POST") && path.matches("/rest/api/[23]/issue")) {
      ObjectNode fields = (ObjectNode) MAPPER.readTree(body).path("fields");
      Issue issue = new Issue(project + "-" + (issues.size() + 1), fields);
      fields.path("labels").forEach(l -> issue.labels.add(l.asText()));
      issues.put(issue.key, issue);
      return Answer.json(201, "{\"id\":\"" + (10000 + issues.size()) + "\",\"key\":\"" + issue.key
          + "\",\"self\":\"" + uri() + "/rest/api/3/issue/" + issue.key + "\"}");
    }
    if (method.equals("POST") && (path.equals("/rest/api/3/search/jql") || path.equals("/rest/api/2/search"))) {
      return Answer.json(200, search(MAPPER.readTree(body)));
    }
    if (method.equals("POST") && path.matches("/rest/api/[23]/issueLink")) {
      return new Answer(201, "", Map.of());
    }
    Matcher m = ISSUE_PATH.matcher(path);
    if (m.matches()) {
      Issue issue = issues.get(m.group(1));
      if (issue == null) {
        return Answer.json(404,
            "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}");
      }
      String sub = m.group(2) == null ? "" : m.group(2);
      switch (method + " " + sub) {
        case "GET ":
          return Answer.json(200, view(issue).toString());
        case "PUT ":
          edit(issue, MAPPER.readTree(body));
          return new Answer(204, "", Map.of());
        case "POST /comment":
          issue.comments.add(MAPPER.readTree(body).path("body"));
          return Answer.json(201, "{\"id\":\"" + (20000 + issue.comments.size()) + "\"}");
        case "GET /transitions":
          return Answer.json(200, issue.statusCategory.equals("done") ? doneTransitions : openTransitions);
        case "POST /transitions":
          JsonNode request = MAPPER.readTree(body);
          String id = request.path("transition").path("id").asText();
          Optional<String> target = target(issue, id);
          if (target.isEmpty()) {
            return Answer.json(400, "{\"errorMessages\":[\"Transition id '" + id + "' is not valid for this "
                + "issue.\"],\"errors\":{}}");
          }
          issue.statusCategory = target.get();
          request.path("update").path("comment").forEach(op -> issue.comments.add(op.path("add").path("body")));
          return new Answer(204, "", Map.of());
        default:
          break;
      }
    }
    return Answer.json(404, "{\"errorMessages\":[\"No route " + method + " " + path + "\"],\"errors\":{}}");
  }

  private Optional<String> target(Issue issue, String id) throws IOException {
    String offered = issue.statusCategory.equals("done") ? doneTransitions : openTransitions;
    for (JsonNode t : MAPPER.readTree(offered).path("transitions")) {
      if (t.path("id").asText().equals(id)) {
        return Optional.of(t.path("to").path("statusCategory").path("key").asText());
      }
    }
    return Optional.empty();
  }

  // As GET /issue/{key}/transitions lists one: the target status with its category.
  private static String transition(String id, String name, String status, String category) {
    ObjectNode t = MAPPER.createObjectNode().put("id", id).put("name", name).put("hasScreen", false);
    ObjectNode to = t.putObject("to").put("name", status).put("id", "1" + id);
    to.putObject("statusCategory").put("key", category).put("name", category);
    return t.toString();
  }

  // Only the JQL the adapter writes: project = "P" AND labels in ("a", "b") ORDER BY created DESC
  private String search(JsonNode request) {
    String jql = request.path("jql").asText();
    Matcher in = Pattern.compile("labels in \\(([^)]*)\\)").matcher(jql);
    Set<String> wanted = new LinkedHashSet<>();
    if (in.find()) {
      Matcher quoted = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(in.group(1));
      while (quoted.find()) {
        wanted.add(quoted.group(1));
      }
    }
    int max = request.path("maxResults").asInt(50);
    List<Issue> matches = new ArrayList<>();
    issues.values().stream()
        .filter(i -> i.labels.stream().anyMatch(wanted::contains))
        .sorted((a, b) -> Integer.compare(number(b.key), number(a.key)))
        .limit(max)
        .forEach(matches::add);
    ObjectNode result = MAPPER.createObjectNode();
    ArrayNode list = result.putArray("issues");
    matches.forEach(i -> list.add(view(i)));
    result.put("isLast", true);
    return result.toString();
  }

  private ObjectNode view(Issue issue) {
    ObjectNode node = MAPPER.createObjectNode().put("id", "1" + number(issue.key)).put("key", issue.key);
    ObjectNode fields = node.putObject("fields");
    String status = issue.statusCategory.equals("done") ? "Done" : issue.statusCategory.equals("new") ? "To Do"
        : "In Progress";
    fields.putObject("status").put("name", status).putObject("statusCategory").put("key", issue.statusCategory);
    ArrayNode labels = fields.putArray("labels");
    issue.labels.forEach(labels::add);
    return node;
  }

  private void edit(Issue issue, JsonNode body) {
    body.path("update").path("labels").forEach(op -> {
      if (op.has("add")) {
        issue.labels.add(op.path("add").asText());
      }
      if (op.has("remove")) {
        issue.labels.remove(op.path("remove").asText());
      }
    });
    body.path("fields").fields().forEachRemaining(e -> issue.fields.set(e.getKey(), e.getValue()));
  }

  private static int number(String key) {
    return Integer.parseInt(key.substring(key.indexOf('-') + 1));
  }
}
