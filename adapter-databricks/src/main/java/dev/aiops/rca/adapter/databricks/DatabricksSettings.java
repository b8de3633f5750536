package dev.aiops.rca.adapter.databricks;

import dev.aiops.rca.http.RetryPolicy;
import dev.aiops.rca.http.SecureEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one Databricks workspace.
 *
 * @param host the workspace URL; only {@code https://}, or {@code http://} on a loopback address (tests)
 * @param credentials how to sign in
 * @param requestTimeout the longest a single API call may take
 * @param maxAttempts how many times a call is tried when the answer is transient (429, 5xx, timeouts)
 * @param maxBackoff the longest wait between two attempts, also when the workspace asks for more
 */
public record DatabricksSettings(
    URI host, DatabricksCredentials credentials, Duration requestTimeout, int maxAttempts, Duration maxBackoff) {

  public DatabricksSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    // The token is sent to this host only, so it must be the configured workspace over TLS.
    host = SecureEndpoint.origin(SecureEndpoint.require(host, "host", "https://adb-123.4.azuredatabricks.net"));
    new RetryPolicy(requestTimeout, maxAttempts, maxBackoff); // checks the three
  }

  /** Settings with the defaults: 30 s per call, 4 attempts, waits of at most 30 s. */
  public static DatabricksSettings of(String host, DatabricksCredentials credentials) {
    Objects.requireNonNull(host, "host");
    String url = host.strip().contains("://") ? host.strip() : "https://" + host.strip();
    return new DatabricksSettings(URI.create(url), credentials, Duration.ofSeconds(30), 4, Duration.ofSeconds(30));
  }

  /** The absolute address of an API path on this workspace. */
  URI resolve(String pathAndQuery) {
    return URI.create(host + pathAndQuery);
  }

  /** The timeout, attempts and backoff of every call. */
  RetryPolicy retryPolicy() {
    return new RetryPolicy(requestTimeout, maxAttempts, maxBackoff);
  }
}
