package dev.aiops.rca.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A server on 127.0.0.1 for tests: it reads each request, asks the subclass what to answer, and writes that, so that
 * a vendor's stub holds only its protocol.
 */
public abstract class LoopbackStub implements AutoCloseable {

  /**
   * One request as it arrived.
   *
   * @param query the query parameters, decoded
   * @param headers the first value of each header, by lower-case name
   * @param atNanos when it arrived ({@link System#nanoTime})
   */
  public record Request(String method, String path, Map<String, String> query, Map<String, String> headers,
      String body, long atNanos) {}

  /** What to answer; the stubs' own answer records implement it. */
  public interface Reply {
    int status();

    String body();

    Map<String, String> headers();

    /** How long to wait before answering, to make a client time out. */
    default Duration delay() {
      return Duration.ZERO;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private boolean started;

  /** A server answering every path. */
  protected LoopbackStub() {
    this("/");
  }

  /** A server answering the paths below {@code context}, such as {@code "/api/"}. */
  protected LoopbackStub(String context) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(context, this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
  }

  /** The answer to one request; called on the server's threads, so it must be thread-safe. */
  protected abstract Reply answer(Request request) throws IOException;

  /**
   * {@code http://127.0.0.1:<port>}. The server starts on the first call, which no request can precede: started in
   * this constructor, its threads could see the subclass's fields before their initialisers ran.
   */
  public URI uri() {
    synchronized (server) {
      if (!started) {
        server.start();
        started = true;
      }
    }
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A test resource as text, such as a recorded fixture. */
  protected static String resource(Class<?> owner, String path) {
    try (InputStream in = owner.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path.substring(path.lastIndexOf('/') + 1));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} parsed as JSON, for assertions on what a client sent. */
  public static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code a=1&b=x%20y} as a map, in order; also for form bodies. */
  public static Map<String, String> decodeForm(String raw) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return fields;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      fields.put(name, value);
    }
    return fields;
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        decodeForm(exchange.getRequestURI().getRawQuery()), headers,
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), System.nanoTime());
    Reply reply = answer(request); // a failure here ends the connection unanswered, as a broken server's would
    pause(reply.delay());
    try {
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    } catch (IOException clientGone) {
      // The client timed out and left; nothing to answer.
    } finally {
      exchange.close();
    }
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    synchronized (server) {
      if (started) {
        server.stop(0);
      }
    }
  }
}
