package dev.aiops.rca.adapter.databricks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
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
    host = normalise(host);
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
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

  // The token is sent to this host only, so it must be the configured workspace over TLS: plain HTTP is allowed
  // for loopback stubs and nowhere else.
  private static URI normalise(URI host) {
    String scheme = host.getScheme() == null ? "" : host.getScheme().toLowerCase(Locale.ROOT);
    if (host.getHost() == null) {
      throw new IllegalArgumentException("host must be a URL such as https://adb-123.4.azuredatabricks.net: " + host);
    }
    if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(host.getHost()))) {
      throw new IllegalArgumentException("host must use https:// (http:// only on loopback): " + host);
    }
    String text = scheme + "://" + host.getRawAuthority();
    return URI.create(text);
  }

  private static boolean isLoopback(String hostName) {
    if (hostName.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!hostName.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false; // never resolve names: a DNS answer must not decide where the token goes
    }
    try {
      return InetAddress.getByName(hostName.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
