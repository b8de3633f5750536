package dev.aiops.rca.adapter.adf;

import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.http.Sleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;

/**
 * The adapter's {@link HttpTransport} (client, clock for token expiry and query windows, sleeper), under the name
 * the factories and tests construct.
 */
record AdfTransport(HttpTransport shared) {

  AdfTransport {
    Objects.requireNonNull(shared, "shared");
  }

  AdfTransport(HttpClient http, Clock clock, Sleeper sleeper) {
    this(new HttpTransport(http, clock, sleeper));
  }

  static AdfTransport standard(AdfSettings settings) {
    return new AdfTransport(HttpTransport.standard(settings.requestTimeout()));
  }

  Clock clock() {
    return shared.clock();
  }
}
