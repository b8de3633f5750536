package dev.aiops.rca.adapter.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.http.LoopbackStub;
import dev.aiops.rca.http.ScriptedReplies;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A ServiceNow instance on loopback: the incident table (create as New, encoded-query read of the requested fields,
 * patch of fields and work notes), scripted.
 */
public final class ServiceNowStub extends LoopbackStub {

  /** One request as the stub saw it. */
  public record Seen(String method, String path, Map<String, String> query, Map<String, String> headers,
      String body) {
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

  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String TABLE = "/api/now/table/incident";

  private final Map<String, ObjectNode> bySysId = new ConcurrentHashMap<>();
  private final ScriptedReplies<Answer> scripted = new ScriptedReplies<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  public ServiceNowStub script(String method, Answer... answers) {
    scripted.add(method, List.of(answers));
    return this;
  }

  public List<Seen> seen(String method) {
    return seen.stream().filter(s -> s.method().equals(method)).toList();
  }

  public int incidentCount() {
    return bySysId.size();
  }

  /** Sets an incident's state as a person would: 6 Resolved, 7 Closed, 8 Canceled (inactive), 2 In Progress. */
  public void setState(String number, String state) {
    incident(number).put("state", state).put("active", state.equals("7") || state.equals("8") ? "false" : "true");
  }

  public ObjectNode incident(String number) {
    return bySysId.values().stream().filter(i -> i.path("number").asText().equals(number)).findFirst().orElseThrow();
  }

  @Override
  protected Reply answer(Request request) throws IOException {
    seen.add(new Seen(request.method(), request.path(), request.query(), request.headers(), request.body()));
    Answer answer = scripted.next(request.method());
    return answer != null ? answer : normal(request.method(), request.path(), request.query(), request.body());
  }

  private synchronized Answer normal(String method, String path, Map<String, String> query, String body)
      throws IOException {
    if (method.equals("POST") && path.equals(TABLE)) {
      ObjectNode record = (ObjectNode) MAPPER.readTree(body);
      String sysId = String.format("%032x", bySysId.size() + 1);
      record.put("sys_id", sysId).put("number", String.format("INC%07d", 10001 + bySysId.size()))
          .put("active", "true").put("state", "1");
      record.putArray("work_notes_list");
      bySysId.put(sysId, record);
      return Answer.json(201, MAPPER.createObjectNode().set("result", record).toString());
    }
    if (method.equals("GET") && path.equals(TABLE)) {
      ObjectNode answer = MAPPER.createObjectNode();
      ArrayNode result = answer.putArray("result");
      String[] fields = query.getOrDefault("sysparm_fields", "sys_id,number").split(",");
      bySysId.values().stream().filter(r -> matches(r, query.getOrDefault("sysparm_query", ""))).limit(1)
          .forEach(r -> {
            ObjectNode row = result.addObject();
            for (String field : fields) {
              row.put(field, r.path(field).asText());
            }
          });
      return Answer.json(200, answer.toString());
    }
    if (method.equals("PATCH") && path.startsWith(TABLE + "/")) {
      ObjectNode record = bySysId.get(path.substring(TABLE.length() + 1));
      if (record == null) {
        return Answer.json(404, "{\"error\":{\"message\":\"No Record found\",\"detail\":\"Record doesn't exist or ACL "
            + "restricts the record retrieval\"},\"status\":\"failure\"}");
      }
      JsonNode patch = MAPPER.readTree(body);
      patch.fields().forEachRemaining(field -> {
        if (field.getKey().equals("work_notes")) {
          ((ArrayNode) record.path("work_notes_list")).add(field.getValue().asText());
        } else {
          record.set(field.getKey(), field.getValue());
        }
      });
      return Answer.json(200, MAPPER.createObjectNode().set("result", record).toString());
    }
    return Answer.json(400, "{\"error\":{\"message\":\"Invalid resource\"},\"status\":\"failure\"}");
  }

  // The encoded queries the adapter writes: field=value and field<number joined by ^ (AND).
  private static boolean matches(JsonNode record, String query) {
    for (String clause : query.split("\\^")) {
      int lt = clause.indexOf('<');
      if (lt > 0) {
        String value = record.path(clause.substring(0, lt)).asText("");
        if (value.isEmpty() || Integer.parseInt(value) >= Integer.parseInt(clause.substring(lt + 1))) {
          return false;
        }
        continue;
      }
      int eq = clause.indexOf('=');
      if (eq < 0 || !record.path(clause.substring(0, eq)).asText().equals(clause.substring(eq + 1))) {
        return false;
      }
    }
    return true;
  }
}
