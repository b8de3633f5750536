package dev.aiops.rca.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stub that records every request and answers a path with what the test scripted for it before the
 * subclass's normal answer, so that a vendor's stub holds only its protocol.
 *
 * @param <S> the stub itself, so that {@link #script} chains with the stub's own setters
 */
public abstract class RecordingStub<S extends RecordingStub<S>> extends LoopbackStub {

  /** One request as the stub saw it. */
  public record Seen(String method, String path, Map<String, String> query, Map<String, String> headers, String body,
      long atNanos) {

    /** The body parsed as JSON. */
    public JsonNode json() {
      return readJson(body);
    }
  }

  /** A scripted or normal answer, sent after {@code delay}. */
  public record Answer(int status, String body, Map<String, String> headers, Duration delay) implements Reply {

    /** A JSON answer, sent at once. */
    public static Answer json(int status, String body) {
      return new Answer(status, body, Map.of("Content-Type", "application/json"), Duration.ZERO);
    }
  }

  private final ScriptedReplies<Answer> scripted = new ScriptedReplies<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  /** The next calls to {@code path} get these answers, in order, before the normal ones. */
  public S script(String path, Answer... answers) {
    scripted.add(path, List.of(answers));
    return self();
  }

  /** Every request so far, in order of arrival. */
  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  /** The requests so far to {@code path}, in order of arrival. */
  public List<Seen> seen(String path) {
    return seen.stream().filter(s -> s.path().equals(path)).toList();
  }

  /** The answer when the test scripted none; called on the server's threads, so it must be thread-safe. */
  protected abstract Answer normal(Request request) throws IOException;

  @Override
  protected final Reply answer(Request request) throws IOException {
    seen.add(new Seen(request.method(), request.path(), request.query(), request.headers(), request.body(),
        request.atNanos()));
    Answer answer = scripted.next(request.path());
    return answer != null ? answer : normal(request);
  }

  // Safe: S is the subclass by the type's contract (class AdfStub extends RecordingStub<AdfStub>).
  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }
}
