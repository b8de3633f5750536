package dev.aiops.rca.adapter.databricks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Databricks workspace on loopback that speaks the Jobs API's wire format from recorded fixtures: runs/get with
 * pages, runs/get-output, runs/repair and the OAuth token endpoint, plus scripted error answers.
 */
public final class DatabricksStub implements AutoCloseable {

  /** One request as the stub saw it. */
  public record Seen(String method, String path, Map<String, String> query, Map<String, String> headers, String body,
      long atNanos) {}

  /** A scripted answer. */
  public record Answer(int status, String body, Map<String, String> headers, Duration delay) {
    public static Answer json(int status, String body) {
      return new Answer(status, body, Map.of("Content-Type", "application/json"), Duration.ZERO);
    }
  }

  private final HttpServer server;
  private final Map<String, List<String>> runPages = new ConcurrentHashMap<>();
  private final Map<String, String> outputs = new ConcurrentHashMap<>();
  private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile String repairAnswer = fixture("runs-repair-response.json");
  private volatile String tokenAnswer = fixture("oauth-m2m-token-response.json");

  public DatabricksStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  public static String fixture(String name) {
    try (InputStream in = DatabricksStub.class.getResourceAsStream("/databricks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Serves a run from one or more pages, each a runs/get answer; pages after the first are asked by token. */
  public DatabricksStub run(String runId, String... pages) {
    runPages.put(runId, List.of(pages));
    return this;
  }

  public DatabricksStub output(String runId, String body) {
    outputs.put(runId, body);
    return this;
  }

  public DatabricksStub repairAnswer(String body) {
    repairAnswer = body;
    return this;
  }

  public DatabricksStub tokenAnswer(String body) {
    tokenAnswer = body;
    return this;
  }

  /** The next calls to {@code path} get these answers, in order, before the normal ones. */
  public DatabricksStub script(String path, Answer... answers) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
    return this;
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  public List<Seen> seen(String path) {
    return seen.stream().filter(s -> s.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(new Seen(exchange.getRequestMethod(), path, query, headers, body, System.nanoTime()));

    Deque<Answer> queue = scripted.get(path);
    Answer answer;
    synchronized (this) {
      answer = queue == null ? null : queue.poll();
    }
    if (answer == null) {
      answer = normal(path, query);
    }
    if (!answer.delay().isZero()) {
      try {
        Thread.sleep(answer.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    try {
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    } catch (IOException clientGone) {
      // The client timed out and left; nothing to answer.
    } finally {
      exchange.close();
    }
  }

  private Answer normal(String path, Map<String, String> query) {
    String runId = query.getOrDefault("run_id", "");
    switch (path) {
      case "/api/2.2/jobs/runs/get": {
        List<String> pages = runPages.get(runId);
        if (pages == null) {
          return Answer.json(400, fixture("error-404-resource-does-not-exist.json"));
        }
        int page = query.containsKey("page_token") ? pageOf(query.get("page_token"), pages) : 0;
        return Answer.json(200, pages.get(page));
      }
      case "/api/2.2/jobs/runs/get-output": {
        if (runPages.containsKey(runId) && runPages.get(runId).get(0).contains("\"tasks\"")) {
          return Answer.json(400, fixture("error-400-get-output-multitask-parent.json"));
        }
        String output = outputs.get(runId);
        return output == null ? Answer.json(400, fixture("error-404-resource-does-not-exist.json"))
            : Answer.json(200, output);
      }
      case "/api/2.2/jobs/runs/repair":
        return Answer.json(200, repairAnswer);
      case "/oidc/v1/token":
        return Answer.json(200, tokenAnswer);
      default:
        return Answer.json(404, "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"No API found for " + path + "\"}");
    }
  }

  // Page tokens are served in order: the token found in page n asks for page n + 1.
  private static int pageOf(String token, List<String> pages) {
    for (int i = 0; i < pages.size() - 1; i++) {
      if (pages.get(i).contains("\"" + token + "\"")) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("unknown page token " + token);
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.put(name, value);
    }
    return query;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
