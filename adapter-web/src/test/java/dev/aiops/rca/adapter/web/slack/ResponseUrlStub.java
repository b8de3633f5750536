package dev.aiops.rca.adapter.web.slack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Slack's {@code response_url} on loopback: takes the JSON replies posted to it, answers 200 as Slack does. */
final class ResponseUrlStub implements AutoCloseable {

  private final HttpServer server;
  private final List<String> replies = new CopyOnWriteArrayList<>();

  ResponseUrlStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/actions/", exchange -> {
      replies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
      exchange.close();
    });
    server.start();
  }

  /** A response_url as Slack would send, on this stub. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/actions/T0TEAM/1234/secret-part";
  }

  List<String> replies() {
    return List.copyOf(replies);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
