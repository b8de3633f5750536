package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.http.Authorization;
import dev.aiops.rca.http.ErrorMapper;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.http.RetryingJsonClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Calls the factory's Data Factory REST API (api-version 2018-06-01) through ARM with a bearer token, retrying
 * transient failures with jittered backoff that honours {@code Retry-After}.
 */
final class AdfApi {

  static final String API_VERSION = "2018-06-01";

  private final AdfSettings settings;
  private final HttpTransport transport;
  private final RetryingJsonClient client;
  private final Authorization authorization;

  AdfApi(AdfSettings settings, HttpTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.client = new RetryingJsonClient("ARM", transport, settings.retryPolicy());
    EntraTokens tokens = new EntraTokens(settings, transport);
    this.authorization = Authorization.renewableBearer(tokens::current, tokens::refused);
  }

  AdfSettings settings() {
    return settings;
  }

  HttpTransport transport() {
    return transport;
  }

  /**
   * The absolute URL of a path under the factory, with the api-version first and then the given parameters.
   *
   * @param factoryPath a path below the factory such as {@code /pipelineruns/<id>}, its segments already encoded
   */
  URI url(String factoryPath, Map<String, String> query) {
    StringJoiner params = new StringJoiner("&", "?", "");
    params.add("api-version=" + API_VERSION);
    query.forEach((name, value) -> params.add(name + "=" + encode(value)));
    return URI.create(settings.managementUrl() + "/subscriptions/" + segment(settings.subscriptionId())
        + "/resourceGroups/" + segment(settings.resourceGroup())
        + "/providers/Microsoft.DataFactory/factories/" + segment(settings.factoryName()) + factoryPath + params);
  }

  /** {@code GET}; {@code call} names the call in error messages. */
  JsonNode get(URI url, String call) {
    return client.send(call, HttpRequest.newBuilder(url).GET(), true, authorization, errors(call));
  }

  /**
   * {@code POST} with a JSON body.
   *
   * @param idempotent whether the call only reads (the query calls), so that any transient failure may be retried;
   *     otherwise it is resent only when ARM certainly did not act on it
   */
  JsonNode post(URI url, JsonNode body, String call, boolean idempotent) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    return client.send(call, request, idempotent, authorization, errors(call));
  }

  private ErrorMapper errors(String call) {
    return ErrorMapper.of(
        (status, body, headers) -> AdfErrors.fromStatus(call, status, body, headers, settings.factoryName()),
        e -> AdfErrors.fromTransport(call, e), body -> AdfErrors.notJson(call, body));
  }

  /** A path segment, percent-encoded: run ids and pipeline names come from webhooks and must stay one segment. */
  static String segment(String value) {
    return encode(value).replace("+", "%20");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
