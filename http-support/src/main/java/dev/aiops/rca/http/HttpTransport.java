package dev.aiops.rca.http;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What an adapter needs from its surroundings to call a REST API, gathered so that tests can hand in their own.
 *
 * @param http the HTTP client; it must not follow redirects, so that a credential is never sent elsewhere
 * @param clock the clock, for token expiry and query windows
 * @param sleeper how to wait between attempts
 */
public record HttpTransport(HttpClient http, Clock clock, Sleeper sleeper) {

  public HttpTransport {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The system clock and real sleeps. */
  public HttpTransport(HttpClient http, Sleeper sleeper) {
    this(http, Clock.systemUTC(), sleeper);
  }

  /** A client that never follows redirects, the system clock and real sleeps. */
  public static HttpTransport standard(Duration connectTimeout) {
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    return new HttpTransport(http, Clock.systemUTC(), Sleeper.THREAD);
  }
}
