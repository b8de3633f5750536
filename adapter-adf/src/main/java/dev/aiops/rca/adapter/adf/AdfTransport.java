package dev.aiops.rca.adapter.adf;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the adapter needs from its surroundings, gathered so that tests can hand in their own.
 *
 * @param http the HTTP client; it must not follow redirects, so that a token is never sent elsewhere
 * @param clock the clock for token expiry and query windows
 * @param sleeper how to wait between attempts
 */
record AdfTransport(HttpClient http, Clock clock, Sleeper sleeper) {

  AdfTransport {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  static AdfTransport standard(AdfSettings settings) {
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(settings.requestTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    return new AdfTransport(http, Clock.systemUTC(), Sleeper.THREAD);
  }

  /** Waits between attempts. */
  @FunctionalInterface
  interface Sleeper {
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }
}
