package dev.aiops.rca.adapter.slack;

import dev.aiops.rca.http.LoopbackStub;
import dev.aiops.rca.http.ScriptedReplies;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A Slack Web API on loopback: chat.postMessage and chat.update as form posts, plus scripted answers. */
public final class SlackStub extends LoopbackStub {

  /** One request as the stub saw it, with its form fields decoded and when it arrived ({@link System#nanoTime}). */
  public record Seen(String method, Map<String, String> headers, Map<String, String> form, long atNanos) {}

  /** A scripted answer. */
  public record Answer(int status, String body, Map<String, String> headers) implements Reply {
    public static Answer json(int status, String body) {
      return new Answer(status, body, Map.of("Content-Type", "application/json; charset=utf-8"));
    }
  }

  public static final String CHANNEL_ID = "C0123ABCD";

  private final ScriptedReplies<Answer> scripted = new ScriptedReplies<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final AtomicLong ts = new AtomicLong(1_700_000_000_000_100L);

  public SlackStub() {
    super("/api/");
  }

  /** The Web API's base, {@code http://127.0.0.1:<port>/api/}. */
  @Override
  public URI uri() {
    return super.uri().resolve("/api/");
  }

  public SlackStub script(String method, Answer... answers) {
    scripted.add(method, List.of(answers));
    return this;
  }

  public List<Seen> seen(String method) {
    return seen.stream().filter(s -> s.method().equals(method)).toList();
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  @Override
  protected Reply answer(Request request) {
    String method = request.path().substring("/api/".length());
    Map<String, String> form = decodeForm(request.body());
    seen.add(new Seen(method, request.headers(), form, request.atNanos()));
    Answer answer = scripted.next(method);
    return answer != null ? answer : normal(method, form);
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
}
