package dev.aiops.rca.adapter.jira;

import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.http.Credentials;
import dev.aiops.rca.http.RetryPolicy;
import dev.aiops.rca.http.SecureEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how to open tickets in Jira.
 *
 * @param domain {@code JIRA_DOMAIN}: the site, such as {@code https://acme.atlassian.net}; only {@code https://}, or
 *     {@code http://} on a loopback address (tests)
 * @param auth {@code JIRA_USER_EMAIL} + {@code JIRA_API_TOKEN} (Cloud), or {@code JIRA_API_TOKEN} alone (Data Center)
 * @param projectKey {@code JIRA_PROJECT_KEY}, such as {@code OPS}
 * @param issueType {@code JIRA_ISSUE_TYPE}, {@code Bug} by default
 * @param apiVersion {@code JIRA_API_VERSION}: 3 (Cloud, descriptions in Atlassian Document Format) or 2 (Data
 *     Center, wiki markup)
 * @param reopen {@code JIRA_REOPEN}: whether a resolved ticket whose failure recurs is reopened (true) or left
 *     resolved with a link to a new ticket (false)
 * @param setPriority {@code JIRA_SET_PRIORITY}: whether to send a priority; off for projects whose create screen
 *     has none
 * @param occurrenceField {@code JIRA_OCCURRENCE_FIELD}: a number custom field such as {@code customfield_10042}
 *     for the occurrence count; without it the count is kept in an {@code rca-occurrences-<n>} label
 * @param dashboardUrl {@code RCA_DASHBOARD_URL}: the service's dashboard, linked from every ticket, if any
 * @param requestTimeout the longest a single call may take
 * @param maxAttempts how many times a call is tried when Jira throttles or fails (429, 5xx, timeouts)
 * @param maxBackoff the longest wait between two attempts, also when Jira asks for more
 * @param doneTransition {@code JIRA_DONE_TRANSITION}: the name of the transition that finishes an issue when its
 *     incident is resolved; without it, the first transition whose target status is in the done category
 * @param priorityNames {@code JIRA_PRIORITY_NAMES}: the Jira priority names of P1, P2, P3 and P4, in that order
 *     ({@code Highest, High, Medium, Low} by default, Jira's default priority scheme)
 */
public record JiraSettings(
    URI domain,
    Credentials auth,
    String projectKey,
    String issueType,
    int apiVersion,
    boolean reopen,
    boolean setPriority,
    Optional<String> occurrenceField,
    Optional<URI> dashboardUrl,
    Duration requestTimeout,
    int maxAttempts,
    Duration maxBackoff,
    Optional<String> doneTransition,
    List<String> priorityNames) {

  /** Jira's default priority scheme, for P1 to P4. */
  public static final List<String> DEFAULT_PRIORITY_NAMES = List.of("Highest", "High", "Medium", "Low");

  private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,254}");
  private static final Pattern CUSTOM_FIELD = Pattern.compile("customfield_[0-9]+");

  public JiraSettings {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(projectKey, "projectKey");
    Objects.requireNonNull(issueType, "issueType");
    Objects.requireNonNull(occurrenceField, "occurrenceField");
    Objects.requireNonNull(dashboardUrl, "dashboardUrl");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(doneTransition, "doneTransition");
    doneTransition = doneTransition.map(String::strip).filter(name -> !name.isEmpty());
    domain = normalise(domain);
    if (!PROJECT_KEY.matcher(projectKey).matches()) {
      throw new IllegalArgumentException("projectKey (JIRA_PROJECT_KEY) must be a Jira project key such as OPS, was '"
          + projectKey + "'");
    }
    if (issueType.isBlank()) {
      throw new IllegalArgumentException("issueType (JIRA_ISSUE_TYPE) must not be blank");
    }
    if (apiVersion != 2 && apiVersion != 3) {
      throw new IllegalArgumentException("apiVersion (JIRA_API_VERSION) must be 3 (Cloud) or 2 (Data Center), was "
          + apiVersion);
    }
    occurrenceField.ifPresent(field -> {
      if (!CUSTOM_FIELD.matcher(field).matches()) {
        throw new IllegalArgumentException(
            "occurrenceField (JIRA_OCCURRENCE_FIELD) must be a custom field id such as customfield_10042, was '"
                + field + "'");
      }
    });
    new RetryPolicy(requestTimeout, maxAttempts, maxBackoff); // checks the three
    priorityNames = List.copyOf(priorityNames);
    if (priorityNames.size() != Priority.values().length || priorityNames.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("priorityNames (JIRA_PRIORITY_NAMES) must name four priorities, for P1 to "
          + "P4, such as Highest,High,Medium,Low; was " + priorityNames);
    }
  }

  /** Settings with Jira's default priority names. */
  public JiraSettings(URI domain, Credentials auth, String projectKey, String issueType, int apiVersion,
      boolean reopen, boolean setPriority, Optional<String> occurrenceField, Optional<URI> dashboardUrl,
      Duration requestTimeout, int maxAttempts, Duration maxBackoff, Optional<String> doneTransition) {
    this(domain, auth, projectKey, issueType, apiVersion, reopen, setPriority, occurrenceField, dashboardUrl,
        requestTimeout, maxAttempts, maxBackoff, doneTransition, DEFAULT_PRIORITY_NAMES);
  }

  /** The same settings with other priority names for P1 to P4. */
  public JiraSettings withPriorityNames(List<String> names) {
    return new JiraSettings(domain, auth, projectKey, issueType, apiVersion, reopen, setPriority, occurrenceField,
        dashboardUrl, requestTimeout, maxAttempts, maxBackoff, doneTransition, names);
  }

  /** The Jira priority name of {@code priority}. */
  String priorityName(Priority priority) {
    return priorityNames.get(priority.ordinal());
  }

  /** Settings with the defaults: issue type Bug, REST v3, reopen, priority on, 30 s per call, 3 attempts. */
  public static JiraSettings of(String domain, Credentials auth, String projectKey) {
    Objects.requireNonNull(domain, "domain");
    String url = domain.strip().contains("://") ? domain.strip() : "https://" + domain.strip();
    return new JiraSettings(URI.create(url), auth, projectKey, "Bug", 3, true, true, Optional.empty(),
        Optional.empty(), Duration.ofSeconds(30), 3, Duration.ofSeconds(30), Optional.empty());
  }

  /** The same settings with another API version. */
  public JiraSettings withApiVersion(int version) {
    return new JiraSettings(domain, auth, projectKey, issueType, version, reopen, setPriority, occurrenceField,
        dashboardUrl, requestTimeout, maxAttempts, maxBackoff, doneTransition, priorityNames);
  }

  /** The same settings with another reopen policy. */
  public JiraSettings withReopen(boolean reopenResolved) {
    return new JiraSettings(domain, auth, projectKey, issueType, apiVersion, reopenResolved, setPriority,
        occurrenceField, dashboardUrl, requestTimeout, maxAttempts, maxBackoff, doneTransition, priorityNames);
  }

  /** The same settings with the occurrence count kept in a custom field. */
  public JiraSettings withOccurrenceField(String field) {
    return new JiraSettings(domain, auth, projectKey, issueType, apiVersion, reopen, setPriority,
        Optional.of(field), dashboardUrl, requestTimeout, maxAttempts, maxBackoff, doneTransition, priorityNames);
  }

  /** The same settings with a dashboard to link. */
  public JiraSettings withDashboardUrl(URI dashboard) {
    return new JiraSettings(domain, auth, projectKey, issueType, apiVersion, reopen, setPriority, occurrenceField,
        Optional.of(dashboard), requestTimeout, maxAttempts, maxBackoff, doneTransition, priorityNames);
  }

  /** The same settings with a named done transition. */
  public JiraSettings withDoneTransition(String name) {
    return new JiraSettings(domain, auth, projectKey, issueType, apiVersion, reopen, setPriority, occurrenceField,
        dashboardUrl, requestTimeout, maxAttempts, maxBackoff, Optional.of(name), priorityNames);
  }

  /** The absolute address of a REST path of the configured version, such as {@code issue/OPS-1/comment}. */
  URI api(String path) {
    return URI.create(domain + "/rest/api/" + apiVersion + "/" + path);
  }

  /** The page people open for an issue. */
  String browse(String key) {
    return domain + "/browse/" + key;
  }

  /** The timeout, attempts and backoff of every call. */
  RetryPolicy retryPolicy() {
    return new RetryPolicy(requestTimeout, maxAttempts, maxBackoff);
  }

  // The token goes to this host only, so it must be the configured site over TLS.
  private static URI normalise(URI domain) {
    SecureEndpoint.require(domain, "domain (JIRA_DOMAIN)", "https://acme.atlassian.net");
    String path = domain.getRawPath() == null ? "" : domain.getRawPath().replaceAll("/+$", "");
    // Data Center often lives under a context path such as https://host/jira; keep it.
    return URI.create(SecureEndpoint.origin(domain) + path);
  }
}
