package dev.aiops.rca.adapter.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.http.ErrorMapper;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.http.RetryingJsonClient;
import java.net.http.HttpRequest;
import java.util.Objects;
import java.util.Optional;

/** Calls Jira's REST API with the configured credentials, retrying transient failures with jittered backoff. */
final class JiraApi {

  private final JiraSettings settings;
  private final RetryingJsonClient client;
  private final ObjectMapper json = new ObjectMapper();

  JiraApi(JiraSettings settings, HttpTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = new RetryingJsonClient("jira", Objects.requireNonNull(transport, "transport"),
        settings.retryPolicy());
  }

  ObjectMapper json() {
    return json;
  }

  JsonNode get(String path, String call, Optional<String> issueKey) {
    return send(HttpRequest.newBuilder(settings.api(path)).GET(), call, issueKey, true);
  }

  /** A POST that only reads (search), and so may be sent again freely. */
  JsonNode query(String path, JsonNode body, String call) {
    return send(jsonBody(path, "POST", body), call, Optional.empty(), true);
  }

  /** A POST that writes; sent again only when Jira certainly did not act on it. */
  JsonNode post(String path, JsonNode body, String call, Optional<String> issueKey) {
    return send(jsonBody(path, "POST", body), call, issueKey, false);
  }

  /** A PUT: Jira's edits set values, so sending one again does no harm. */
  JsonNode put(String path, JsonNode body, String call, Optional<String> issueKey) {
    return send(jsonBody(path, "PUT", body), call, issueKey, true);
  }

  private HttpRequest.Builder jsonBody(String path, String method, JsonNode body) {
    return HttpRequest.newBuilder(settings.api(path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  private JsonNode send(HttpRequest.Builder request, String call, Optional<String> issueKey, boolean idempotent) {
    ErrorMapper errors = ErrorMapper.of(
        (status, body, headers) -> JiraErrors.fromStatus(settings, call, issueKey, status, body, headers),
        e -> JiraErrors.fromTransport(call, e), body -> JiraErrors.notJson(call, body));
    return client.send(call, request, idempotent, settings.auth()::header, errors);
  }
}
