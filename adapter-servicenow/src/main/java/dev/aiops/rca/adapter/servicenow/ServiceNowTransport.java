package dev.aiops.rca.adapter.servicenow;

import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.http.Sleeper;
import java.net.http.HttpClient;
import java.util.Objects;

/** The adapter's {@link HttpTransport}, under the name the issue tracker and tests construct. */
record ServiceNowTransport(HttpTransport shared) {

  ServiceNowTransport {
    Objects.requireNonNull(shared, "shared");
  }

  ServiceNowTransport(HttpClient http, Sleeper sleeper) {
    this(new HttpTransport(http, sleeper));
  }

  static ServiceNowTransport standard(ServiceNowSettings settings) {
    return new ServiceNowTransport(HttpTransport.standard(settings.requestTimeout()));
  }
}
