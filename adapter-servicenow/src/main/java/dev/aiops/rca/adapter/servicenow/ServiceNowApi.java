package dev.aiops.rca.adapter.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.http.ErrorMapper;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.http.RetryingJsonClient;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Objects;

/** Calls the Table API with the configured credentials, retrying transient failures with jittered backoff. */
final class ServiceNowApi {

  private final ServiceNowSettings settings;
  private final RetryingJsonClient client;
  private final ObjectMapper json = new ObjectMapper();

  ServiceNowApi(ServiceNowSettings settings, HttpTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = new RetryingJsonClient("servicenow", Objects.requireNonNull(transport, "transport"),
        settings.retryPolicy());
  }

  ObjectMapper json() {
    return json;
  }

  JsonNode get(String pathAndQuery, String call) {
    return send(HttpRequest.newBuilder(settings.resolve(pathAndQuery)).GET(), call, true);
  }

  JsonNode post(String path, JsonNode body, String call) {
    return send(withBody(path, "POST", body), call, false);
  }

  /** A PATCH that appends a work note: resent only when ServiceNow did not act on it, or the note would repeat. */
  JsonNode patch(String path, JsonNode body, String call) {
    return send(withBody(path, "PATCH", body), call, false);
  }

  private HttpRequest.Builder withBody(String path, String method, JsonNode body) {
    return HttpRequest.newBuilder(settings.resolve(path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  private JsonNode send(HttpRequest.Builder request, String call, boolean idempotent) {
    ErrorMapper errors = ErrorMapper.of(
        (status, body, headers) -> ServiceNowErrors.fromStatus(settings, call, status, body, headers, Instant.now()),
        e -> ServiceNowErrors.fromTransport(call, e), body -> ServiceNowErrors.notJson(call, body));
    return client.send(call, request, idempotent, settings.auth()::header, errors);
  }
}
