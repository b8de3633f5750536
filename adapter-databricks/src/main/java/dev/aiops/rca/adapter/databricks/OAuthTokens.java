package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.port.PermanentPortException;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * OAuth machine-to-machine tokens from the workspace's {@code /oidc/v1/token}, kept until shortly before they
 * expire so that one token serves many calls.
 */
final class OAuthTokens implements BearerTokens {

  /** Renew this long before expiry, so that a token never lapses in the middle of a call. */
  static final Duration EARLY_RENEWAL = Duration.ofMinutes(2);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DatabricksSettings settings;
  private final DatabricksCredentials.OAuthClient client;
  private final HttpTransport transport;
  private String token;
  private Instant renewAt = Instant.MIN;

  OAuthTokens(DatabricksSettings settings, DatabricksCredentials.OAuthClient client, HttpTransport transport) {
    this.settings = settings;
    this.client = client;
    this.transport = transport;
  }

  @Override
  public synchronized String current() {
    if (token == null || !transport.clock().instant().isBefore(renewAt)) {
      fetch();
    }
    return token;
  }

  @Override
  public synchronized void refused(String refused) {
    if (refused.equals(token)) {
      token = null;
    }
  }

  private void fetch() {
    String call = "the OAuth token request";
    String basic = Base64.getEncoder().encodeToString(
        (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(settings.resolve("/oidc/v1/token"))
        .timeout(settings.requestTimeout())
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(
            "grant_type=client_credentials&scope=" + URLEncoder.encode("all-apis", StandardCharsets.UTF_8)))
        .build();
    HttpResponse<String> response;
    try {
      response = transport.http().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw DatabricksErrors.fromTransport(call, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DatabricksErrors.fromTransport(call, new IOException("interrupted", e));
    }
    if (response.statusCode() == 400 || response.statusCode() == 401) {
      throw new PermanentPortException("Databricks refused the OAuth client (HTTP " + response.statusCode()
          + "): check DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET");
    }
    if (response.statusCode() / 100 != 2) {
      throw DatabricksErrors.fromStatus(call, response.statusCode(), response.body(), response.headers());
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      String accessToken = body.path("access_token").asText("");
      if (accessToken.isEmpty()) {
        throw DatabricksErrors.notJson(call, "a token answer without access_token");
      }
      long seconds = body.path("expires_in").asLong(3600);
      token = accessToken;
      renewAt = transport.clock().instant().plusSeconds(seconds).minus(EARLY_RENEWAL);
    } catch (IOException e) {
      throw DatabricksErrors.notJson(call, response.body());
    }
  }
}
