package dev.aiops.rca.adapter.slack;

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
import java.util.concurrent.atomic.AtomicLong;

/** A Slack Web API on loopback: chat.postMessage and chat.update as form posts, plus scripted answers. */
public final class SlackStub implements AutoCloseable {

  /** One request as the stub saw it, with its form fields decoded and when it arrived ({@link System#nanoTime}). */
  public record Seen(String method, Map<String, String> headers, Map<String, String> form, long atNanos) {}

  /** A scripted answer. */
  public record Answer(int status, String body, Map<String, String> headers) {
    public static Answer json(int status, String body) {
      return new Answer(status, body, Map.of("Content-Type", "application/json; charset=utf-8"));
    }
  }

  public static final String CHANNEL_ID = "C0123ABCD";

  private final HttpServer server;
  private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final AtomicLong ts = new AtomicLong(1_700_000_000_000_100L);

  public SlackStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/api/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
  }

  public SlackStub script(String method, Answer... answers) {
    scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(answers));
    return this;
  }

  public List<Seen> seen(String method) {
    return seen.stream().filter(s -> s.method().equals(method)).toList();
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
    Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    seen.add(new Seen(method, headers, form, System.nanoTime()));
    Answer answer;
    synchronized (this) {
      Deque<Answer> queue = scripted.get(method);
      answer = queue == null ? null : queue.poll();
    }
    if (answer == null) {
      answer = normal(method, form);
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

  private Answer normal(String method, Map<String, String> form) {
    switch (method) {
      case "chat.postMessage": {
        long next = ts.incrementAndGet();
        String stamp = (next / 1_000_000) + "." + String.format("%06d", next % 1_000_000);
        return Answer.json(200, "{\"ok\":true,\"channel\":\"" + CHANNEL_ID + "\",\"ts\":\"" + stamp
            + "\",\"message\":{\"type\":\"message\",\"text\":\"x\"}}");
      }
      case "chat.update":
        return Answer.json(200, "{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"ts\":\"" + form.get("ts")
            + "\",\"text\":\"x\"}");
      default:
        return Answer.json(200, "{\"ok\":false,\"error\":\"unknown_method\"}");
    }
  }

  private static Map<String, String> parseForm(String raw) {
    Map<String, String> form = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return form;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.put(name, value);
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
