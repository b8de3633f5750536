package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.http.AuthHeaders;
import dev.aiops.rca.http.Authorization;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.http.RetryingJsonClient;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/** Calls the workspace's REST API with a bearer token, retrying transient failures with jittered backoff. */
final class DatabricksApi {

  private final DatabricksSettings settings;
  private final RetryingJsonClient client;
  private final Authorization authorization;

  DatabricksApi(DatabricksSettings settings, HttpTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(transport, "transport");
    this.client = new RetryingJsonClient("databricks", transport, settings.retryPolicy());
    BearerTokens tokens = BearerTokens.of(settings, transport);
    // An OAuth token can be revoked before its expiry, so one fresh token is worth a try; a personal access token
    // cannot be renewed by the service.
    this.authorization = settings.credentials() instanceof DatabricksCredentials.PersonalAccessToken
        ? () -> AuthHeaders.bearer(tokens.current())
        : Authorization.renewableBearer(tokens::current, tokens::refused);
  }

  String host() {
    return settings.host().toString();
  }

  /** {@code GET path?query}; {@code call} names the call in error messages. */
  JsonNode get(String path, Map<String, String> query, String call) {
    StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((name, value) -> params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.resolve(path + params)).GET();
    return client.send(call, request, true, authorization, DatabricksErrors.forCall(call));
  }

  /** {@code POST path} with a JSON body; resent only when the workspace certainly did not act on it. */
  JsonNode post(String path, JsonNode body, String call) {
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    return client.send(call, request, false, authorization, DatabricksErrors.forCall(call));
  }
}
