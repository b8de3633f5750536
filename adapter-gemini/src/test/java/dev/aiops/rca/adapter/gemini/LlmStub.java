package dev.aiops.rca.adapter.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.http.LoopbackStub;
import dev.aiops.rca.http.ScriptedReplies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A chat vendor on loopback: records every request and answers from a script, then with a default answer. */
public final class LlmStub extends LoopbackStub {

  public static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the stub saw it. */
  public record Seen(String method, String path, Map<String, String> headers, String body) {
    public JsonNode json() {
      return readJson(body);
    }
  }

  /** A scripted answer. */
  public record Answer(int status, String body, Map<String, String> headers) implements Reply {
    public static Answer json(int status, Object body) {
      try {
        String text = body instanceof String ? (String) body : JSON.writeValueAsString(body);
        return new Answer(status, text, Map.of("Content-Type", "application/json"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** This answer with one more header, such as Anthropic's {@code retry-after}. */
    public Answer withHeader(String name, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.put(name, value);
      return new Answer(status, body, Map.copyOf(more));
    }
  }

  private final ScriptedReplies<Answer> script = new ScriptedReplies<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile Answer normal;

  public LlmStub(Answer normal) {
    this.normal = normal;
  }

  public String baseUrl() {
    return uri().toString();
  }

  /** The next calls get these answers, in order. */
  public LlmStub script(Answer... answers) {
    script.add("", List.of(answers));
    return this;
  }

  public LlmStub normally(Answer answer) {
    normal = answer;
    return this;
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  @Override
  protected Reply answer(Request request) {
    seen.add(new Seen(request.method(), request.path(), request.headers(), request.body()));
    Answer next = script.next("");
    return next != null ? next : normal;
  }
}
