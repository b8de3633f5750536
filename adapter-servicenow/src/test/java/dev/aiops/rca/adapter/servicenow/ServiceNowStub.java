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

/** A ServiceNow instance on loopback: the incident table (create, encoded-query read, work-note patch), scripted. */
final class ServiceNowStub extends LoopbackStub {

  /** One request as the stub saw it. */
  record Seen(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
    JsonNode json() {
      return readJson(body);
    }
  }

  /** A scripted answer. */
  record Answer(int status, String body, Map<String, String> headers) implements Reply {
    static Answer json(int status, String body) {
      return new Answer(status, body, Map.of("Content-Type", "application/json"));
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String TABLE = "/api/now/table/incident";

  private final Map<String, ObjectNode> bySysId = new ConcurrentHashMap<>();
  private final ScriptedReplies<Answer> scripted = new ScriptedReplies<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  ServiceNowStub script(String method, Answer... answers) {
    scripted.add(method, List.of(answers));
    return this;
  }

  List<Seen> seen(String method) {
    return seen.stream().filter(s -> s.method().equals(method)).toList();
  }

  int incidentCount() {
    return bySysId.size();
  }

  ObjectNode incident(String number) {
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
          .put("active", "true");
      record.putArray("work_notes_list");
      bySysId.put(sysId, record);
      return Answer.json(201, MAPPER.createObjectNode().set("result", record).toString());
    }
    if (method.equals("GET") && path.equals(TABLE)) {
      ObjectNode answer = MAPPER.createObjectNode();
      ArrayNode result = answer.putArray("result");
      bySysId.values().stream().filter(r -> matches(r, query.getOrDefault("sysparm_query", ""))).limit(1)
          .forEach(r -> result.addObject().put("sys_id", r.path("sys_id").asText())
              .put("number", r.path("number").asText()));
      return Answer.json(200, answer.toString());
    }
    if (method.equals("PATCH") && path.startsWith(TABLE + "/")) {
      ObjectNode record = bySysId.get(path.substring(TABLE.length() + 1));
      if (record == null) {
        return Answer.json(404, "{\"error\":{\"message\":\"No Record found\",\"detail\":\"Record doesn't exist or ACL "
            + "restricts the record retrieval\"},\"status\":\"failure\"}");
      }
      ((ArrayNode) record.path("work_notes_list")).add(MAPPER.readTree(body).path("work_notes").asText());
      return Answer.json(200, MAPPER.createObjectNode().set("result", record).toString());
    }
    return Answer.json(400, "{\"error\":{\"message\":\"Invalid resource\"},\"status\":\"failure\"}");
  }

  // The encoded queries the adapter writes: field=value joined by ^ (AND).
  private static boolean matches(JsonNode record, String query) {
    for (String clause : query.split("\\^")) {
      int eq = clause.indexOf('=');
      if (eq < 0 || !record.path(clause.substring(0, eq)).asText().equals(clause.substring(eq + 1))) {
        return false;
      }
    }
    return true;
  }
}
