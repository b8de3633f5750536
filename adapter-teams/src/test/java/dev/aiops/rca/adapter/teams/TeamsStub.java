package dev.aiops.rca.adapter.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.http.LoopbackStub;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Teams webhooks on loopback, both kinds: an incoming webhook ({@code /webhookb2/…}) answers 200 with the text
 * {@code 1}, a Workflows trigger ({@code /workflows/…}) answers 202 with no body; both answer 400 to a body that is
 * not a message carrying one Adaptive Card. Scripted answers come first.
 */
final class TeamsStub extends LoopbackStub {

  /** A scripted answer. */
  record Answer(int status, String body, Map<String, String> headers) implements Reply {
    static Answer text(int status, String body) {
      return new Answer(status, body, Map.of("Content-Type", "text/plain; charset=utf-8"));
    }
  }

  /** One post as the stub saw it. */
  record Seen(String path, String query, JsonNode body) {
    /** The card inside the message envelope. */
    JsonNode card() {
      return body.path("attachments").path(0).path("content");
    }
  }

  static final String SIGNATURE = "sig=Zm9vYmFyc2VjcmV0";

  private final ConcurrentLinkedQueue<Answer> scripted = new ConcurrentLinkedQueue<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  /** An incoming webhook's URL, its signature in the path as Teams issues them. */
  String incomingWebhook(String channel) {
    return uri() + "/webhookb2/" + channel + "@tenant/IncomingWebhook/abc123/Zm9vYmFyc2VjcmV0";
  }

  /** A Workflows trigger's URL, its signature in the query as Power Automate issues them. */
  String workflowWebhook(String flow) {
    return uri() + "/workflows/" + flow + "/triggers/manual/paths/invoke?api-version=2016-06-01&" + SIGNATURE;
  }

  TeamsStub script(Answer... answers) {
    scripted.addAll(List.of(answers));
    return this;
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  @Override
  protected Reply answer(Request request) {
    JsonNode body = readJson(request.body().isEmpty() ? "{}" : request.body());
    seen.add(new Seen(request.path(), String.join("&", request.query().keySet()), body));
    Answer next = scripted.poll();
    if (next != null) {
      return next;
    }
    if (!request.method().equals("POST") || !isCardMessage(body)) {
      return Answer.text(400, "Bad payload received by generic incoming webhook.");
    }
    return request.path().startsWith("/workflows/") ? Answer.text(202, "") : Answer.text(200, "1");
  }

  private static boolean isCardMessage(JsonNode body) {
    JsonNode attachments = body.path("attachments");
    return body.path("type").asText().equals("message") && attachments.size() == 1
        && attachments.path(0).path("contentType").asText().equals("application/vnd.microsoft.card.adaptive")
        && attachments.path(0).path("content").path("type").asText().equals("AdaptiveCard");
  }
}
