package dev.aiops.rca.adapter.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.http.LoopbackStub;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * PagerDuty's Events API v2 on loopback: {@code POST /v2/enqueue} answers 202 with {@code status: success} and the
 * event's dedup key, or 400 {@code invalid event} for an event without a routing key, action or (for a trigger) a
 * payload with summary, source and severity; scripted answers come first.
 */
final class PagerDutyStub extends LoopbackStub {

  /** A scripted answer. */
  record Answer(int status, String body, Map<String, String> headers) implements Reply {
    static Answer json(int status, String body) {
      return new Answer(status, body, Map.of("Content-Type", "application/json"));
    }
  }

  private final ConcurrentLinkedQueue<Answer> scripted = new ConcurrentLinkedQueue<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();

  PagerDutyStub() {
    super("/v2/");
  }

  /** The full enqueue URL, as {@code PAGERDUTY_EVENTS_URL} takes it. */
  URI enqueueUrl() {
    return uri().resolve("/v2/enqueue");
  }

  PagerDutyStub script(Answer... answers) {
    scripted.addAll(List.of(answers));
    return this;
  }

  /** Every event received, oldest first, scripted answers included. */
  List<JsonNode> events() {
    return List.copyOf(events);
  }

  List<Map<String, String>> headers() {
    return List.copyOf(headers);
  }

  @Override
  protected Reply answer(Request request) {
    if (!request.method().equals("POST") || !request.path().equals("/v2/enqueue")) {
      return Answer.json(404, "{\"status\":\"not found\"}");
    }
    JsonNode event = readJson(request.body());
    events.add(event);
    headers.add(request.headers());
    Answer next = scripted.poll();
    if (next != null) {
      return next;
    }
    if (!valid(event)) {
      return Answer.json(400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
          + "\"errors\":[\"Length of 'routing_key' is incorrect (should be 32 characters)\"]}");
    }
    return Answer.json(202, "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\""
        + event.path("dedup_key").asText() + "\"}");
  }

  private static boolean valid(JsonNode event) {
    boolean envelope = event.path("routing_key").asText().length() == 32
        && List.of("trigger", "acknowledge", "resolve").contains(event.path("event_action").asText());
    if (!event.path("event_action").asText().equals("trigger")) {
      return envelope && !event.path("dedup_key").asText().isEmpty();
    }
    JsonNode payload = event.path("payload");
    return envelope && !payload.path("summary").asText().isEmpty()
        && payload.path("summary").asText().length() <= 1024
        && !payload.path("source").asText().isEmpty()
        && List.of("critical", "error", "warning", "info").contains(payload.path("severity").asText());
  }
}
