package dev.aiops.rca.adapter.databricks;

import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.http.Sleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;

/**
 * The adapter's {@link HttpTransport} (client, clock for token expiry, sleeper), under the name the factories and
 * tests construct.
 */
record DatabricksTransport(HttpTransport shared) {

  DatabricksTransport {
    Objects.requireNonNull(shared, "shared");
  }

  DatabricksTransport(HttpClient http, Clock clock, Sleeper sleeper) {
    this(new HttpTransport(http, clock, sleeper));
  }

  static DatabricksTransport standard(DatabricksSettings settings) {
    return new DatabricksTransport(HttpTransport.standard(settings.requestTimeout()));
  }

  Clock clock() {
    return shared.clock();
  }
}
