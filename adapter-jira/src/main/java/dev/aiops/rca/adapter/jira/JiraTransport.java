package dev.aiops.rca.adapter.jira;

import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.http.Sleeper;
import java.net.http.HttpClient;
import java.util.Objects;

/** The adapter's {@link HttpTransport}, under the name the issue tracker and tests construct. */
record JiraTransport(HttpTransport shared) {

  JiraTransport {
    Objects.requireNonNull(shared, "shared");
  }

  JiraTransport(HttpClient http, Sleeper sleeper) {
    this(new HttpTransport(http, sleeper));
  }

  static JiraTransport standard(JiraSettings settings) {
    return new JiraTransport(HttpTransport.standard(settings.requestTimeout()));
  }
}
