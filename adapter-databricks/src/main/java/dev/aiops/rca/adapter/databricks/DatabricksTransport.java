package dev.aiops.rca.adapter.databricks;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;

/**
 * What the adapter needs from its surroundings, gathered so that tests can hand in their own.
 *
 * @param http the HTTP client; it must not follow redirects, so that a token is never sent elsewhere
 * @param clock the clock for token expiry
 * @param sleeper how to wait between attempts
 */
record DatabricksTransport(HttpClient http, Clock clock, Sleeper sleeper) {

  DatabricksTransport {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  static DatabricksTransport standard(DatabricksSettings settings) {
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(settings.requestTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    return new DatabricksTransport(http, Clock.systemUTC(), Sleeper.THREAD);
  }

  /** Waits between attempts. */
  @FunctionalInterface
  interface Sleeper {
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(java.time.Duration duration) throws InterruptedException;
  }
}
