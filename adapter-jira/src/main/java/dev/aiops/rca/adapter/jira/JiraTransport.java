package dev.aiops.rca.adapter.jira;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * What the adapter needs from its surroundings, gathered so that tests can hand in their own.
 *
 * @param http the HTTP client; it must not follow redirects, so that credentials are never sent elsewhere
 * @param sleeper how to wait between attempts
 */
record JiraTransport(HttpClient http, Sleeper sleeper) {

  JiraTransport {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  static JiraTransport standard(JiraSettings settings) {
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(settings.requestTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    return new JiraTransport(http, Sleeper.THREAD);
  }

  /** Waits between attempts. */
  @FunctionalInterface
  interface Sleeper {
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }
}
