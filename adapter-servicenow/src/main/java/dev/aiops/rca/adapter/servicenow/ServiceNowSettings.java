package dev.aiops.rca.adapter.servicenow;

import dev.aiops.rca.http.Credentials;
import dev.aiops.rca.http.RetryPolicy;
import dev.aiops.rca.http.SecureEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to open incidents in ServiceNow.
 *
 * @param instance {@code SERVICENOW_INSTANCE}: such as {@code https://acme.service-now.com}; only {@code https://},
 *     or {@code http://} on a loopback address (tests)
 * @param auth {@code SERVICENOW_USER} + {@code SERVICENOW_PASSWORD}, or {@code SERVICENOW_TOKEN}
 * @param assignmentGroup {@code SERVICENOW_ASSIGNMENT_GROUP}: the group's name or sys_id, if incidents go to one
 * @param dashboardUrl {@code RCA_DASHBOARD_URL}: the service's dashboard, linked from every incident, if any
 * @param requestTimeout the longest a single call may take
 * @param maxAttempts how many times a call is tried when ServiceNow throttles or fails (429, 5xx, timeouts)
 * @param maxBackoff the longest wait between two attempts, also when ServiceNow asks for more
 * @param closeCode {@code SERVICENOW_CLOSE_CODE}: the resolution code of an incident resolved with its RCA incident,
 *     {@code Solution provided} by default (a code of current releases; older ones use {@code Solved (Permanently)})
 */
public record ServiceNowSettings(
    URI instance,
    Credentials auth,
    Optional<String> assignmentGroup,
    Optional<URI> dashboardUrl,
    Duration requestTimeout,
    int maxAttempts,
    Duration maxBackoff,
    String closeCode) {

  /** The close code when none is configured. */
  public static final String DEFAULT_CLOSE_CODE = "Solution provided";

  public ServiceNowSettings {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(assignmentGroup, "assignmentGroup");
    Objects.requireNonNull(dashboardUrl, "dashboardUrl");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(closeCode, "closeCode");
    if (closeCode.isBlank()) {
      throw new IllegalArgumentException("closeCode (SERVICENOW_CLOSE_CODE) must not be blank");
    }
    // The password goes to this host only: TLS everywhere except a loopback stub.
    instance = SecureEndpoint.origin(
        SecureEndpoint.require(instance, "instance (SERVICENOW_INSTANCE)", "https://acme.service-now.com"));
    new RetryPolicy(requestTimeout, maxAttempts, maxBackoff); // checks the three
  }

  /** Settings with the defaults: no assignment group, no dashboard, 30 s per call, 3 attempts, waits up to 30 s. */
  public static ServiceNowSettings of(String instance, Credentials auth) {
    Objects.requireNonNull(instance, "instance");
    String url = instance.strip().contains("://") ? instance.strip() : "https://" + instance.strip();
    return new ServiceNowSettings(URI.create(url), auth, Optional.empty(), Optional.empty(), Duration.ofSeconds(30),
        3, Duration.ofSeconds(30), DEFAULT_CLOSE_CODE);
  }

  /** The same settings with a dashboard to link. */
  public ServiceNowSettings withDashboardUrl(URI dashboard) {
    return new ServiceNowSettings(instance, auth, assignmentGroup, Optional.of(dashboard), requestTimeout,
        maxAttempts, maxBackoff, closeCode);
  }

  /** The same settings with another close code. */
  public ServiceNowSettings withCloseCode(String code) {
    return new ServiceNowSettings(instance, auth, assignmentGroup, dashboardUrl, requestTimeout, maxAttempts,
        maxBackoff, code);
  }

  URI resolve(String pathAndQuery) {
    return URI.create(instance + pathAndQuery);
  }

  /** The timeout, attempts and backoff of every call. */
  RetryPolicy retryPolicy() {
    return new RetryPolicy(requestTimeout, maxAttempts, maxBackoff);
  }
}
