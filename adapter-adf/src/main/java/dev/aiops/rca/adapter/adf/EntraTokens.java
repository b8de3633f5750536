package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.port.PermanentPortException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * ARM bearer tokens from Entra ID, by client credentials (v2 token endpoint) or from the managed identity endpoint,
 * kept until shortly before they expire so that one token serves many calls. Thread-safe.
 */
final class EntraTokens {

  /** Renew this long before expiry, so that a token never lapses in the middle of a call. */
  static final Duration EARLY_RENEWAL = Duration.ofMinutes(2);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AdfSettings settings;
  private final HttpTransport transport;
  private String token;
  private Instant renewAt = Instant.MIN;

  EntraTokens(AdfSettings settings, HttpTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  /** The token to send now. @throws dev.aiops.rca.port.PortException if none can be had */
  synchronized String current() {
    if (token == null || !transport.clock().instant().isBefore(renewAt)) {
      fetch();
    }
    return token;
  }

  /** Forgets a token that ARM refused, so that the next {@link #current()} asks for a fresh one. */
  synchronized void refused(String refused) {
    if (refused.equals(token)) {
      token = null;
    }
  }

  private void fetch() {
    String call;
    HttpRequest request;
    if (settings.credentials() instanceof AdfCredentials.ClientSecret secret) {
      call = "the Entra ID token request";
      String form = "grant_type=client_credentials"
          + "&client_id=" + encode(secret.clientId())
          + "&client_secret=" + encode(secret.clientSecret())
          + "&scope=" + encode(settings.tokenResource() + ".default");
      URI url = URI.create(settings.authorityHost() + "/" + encode(secret.tenantId()) + "/oauth2/v2.0/token");
      request = HttpRequest.newBuilder(url)
          .timeout(settings.requestTimeout())
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(form))
          .build();
    } else {
      AdfCredentials.ManagedIdentity identity = (AdfCredentials.ManagedIdentity) settings.credentials();
      call = "the managed identity token request";
      String query = "?api-version=2018-02-01&resource=" + encode(settings.tokenResource())
          + identity.clientId().map(id -> "&client_id=" + encode(id)).orElse("");
      request = HttpRequest.newBuilder(URI.create(identity.endpoint() + query))
          .timeout(settings.requestTimeout())
          .header("Metadata", "true")
          .header("Accept", "application/json")
          .GET()
          .build();
    }
    HttpResponse<String> response;
    try {
      response = transport.http().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw AdfErrors.fromTokenTransport(call, settings.credentials(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AdfErrors.fromTokenTransport(call, settings.credentials(), new IOException("interrupted", e));
    }
    if (response.statusCode() / 100 != 2) {
      throw AdfErrors.fromTokenEndpoint(call, settings.credentials(), response.statusCode(), response.body(),
          response.headers());
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      String accessToken = body == null ? "" : body.path("access_token").asText("");
      if (accessToken.isEmpty()) {
        throw new PermanentPortException(call + " answered without an access_token: check AZURE_AUTHORITY_HOST");
      }
      // The v2 endpoint sends expires_in as a number, the metadata service as a string: asLong reads both.
      long seconds = body.path("expires_in").asLong(0);
      if (seconds <= 0) {
        seconds = 3600;
      }
      token = accessToken;
      renewAt = transport.clock().instant().plusSeconds(seconds).minus(EARLY_RENEWAL);
    } catch (IOException e) {
      throw AdfErrors.notJson(call, response.body());
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
