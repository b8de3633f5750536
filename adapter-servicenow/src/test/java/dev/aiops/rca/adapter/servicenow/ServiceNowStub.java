package dev.aiops.rca.adapter.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A ServiceNow instance on loopback: the incident table (create, encoded-query read, work-note patch), scripted. */
final class ServiceNowStub implements AutoCloseable {

  /** One request as the stub saw it. */
  record Seen(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A scripted answer. */
  record Answer(int status, String body, Map<String, String> headers) {
    static Answer json(int status, String body) {
      return new Answer(status, body, Map.of("Content-Type", "application/json"));
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String TABLE = "/api/now/table/incident";

  private final HttpServer server;
  private final Map<String, ObjectNode> bySysId = new ConcurrentHashMap<>();
  private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  ServiceNowStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  ServiceNowStub script(String method, Answer... answers) {
    scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(answers));
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

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(new Seen(method, path, query, headers, body));
    Answer answer;
    synchronized (this) {
      Deque<Answer> queue = scripted.get(method);
      answer = queue == null ? null : queue.poll();
    }
    if (answer == null) {
      answer = normal(method, path, query, body);
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    try {
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    } finally {
      exchange.close();
    }
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

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
