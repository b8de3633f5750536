package dev.aiops.rca.adapter.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.http.HttpFailures;
import dev.aiops.rca.http.RetryAfter;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The one place where Jira answers and transport failures become port exceptions. */
final class JiraErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JiraErrors() {}

  /**
   * What an HTTP answer other than 2xx means.
   *
   * @param call the call, for messages, such as {@code "create issue"}
   * @param issueKey the issue the call was about, if any: a 404 then means that issue, not the project
   */
  static PortException fromStatus(
      JiraSettings settings, String call, Optional<String> issueKey, int status, String body, HttpHeaders headers) {
    ErrorCollection errors = ErrorCollection.parse(body);
    String said = " (HTTP " + status + errors.describe() + ")";
    Optional<PortException> retryable = HttpFailures.retryable("Jira", call, status, said, RetryAfter.from(headers));
    if (retryable.isPresent()) {
      return retryable.get();
    }
    if (status == 401) {
      return new PermanentPortException("Jira refused the credentials for " + call + said + ": check "
          + settings.auth().settingsToCheck());
    }
    if (status == 403) {
      return new PermanentPortException("Jira denied " + call + said + ": check that the account of "
          + settings.auth().settingsToCheck() + " may browse, create and edit issues in project "
          + settings.projectKey() + " (JIRA_PROJECT_KEY)");
    }
    if (status == 404) {
      return new PermanentPortException(issueKey
          .map(key -> "Jira has no issue " + key + " for " + call + said + ": it was deleted or moved")
          .orElse("Jira found nothing for " + call + said + ": check JIRA_DOMAIN and JIRA_PROJECT_KEY ("
              + settings.projectKey() + ")"));
    }
    if (status == 410) {
      return new PermanentPortException("Jira removed the API behind " + call + said
          + ": check JIRA_API_VERSION (3 for Cloud, 2 for Data Center)");
    }
    if (HttpFailures.isRedirect(status)) {
      return new PermanentPortException("Jira redirected " + call + said
          + ": check JIRA_DOMAIN (it must be the site itself, such as https://acme.atlassian.net)");
    }
    return new PermanentPortException("Jira rejected " + call + said + errors.hints(settings));
  }

  /** A failure below HTTP: a timeout, a refused or reset connection. */
  static PortException fromTransport(String call, IOException e) {
    return HttpFailures.unreachable("Jira", call, e);
  }

  /** A 2xx answer whose body is not the JSON that was asked for. */
  static PortException notJson(String call, String body) {
    return HttpFailures.notJson("Jira", call, body, "check JIRA_DOMAIN: a proxy or login page answers with HTML");
  }

  /** Jira's {@code ErrorCollection}: {@code errorMessages} and {@code errors} by field, read leniently. */
  private record ErrorCollection(List<String> messages, List<String[]> fields, String raw) {

    static ErrorCollection parse(String body) {
      List<String> messages = new ArrayList<>();
      List<String[]> fields = new ArrayList<>();
      try {
        JsonNode node = JSON.readTree(body == null ? "" : body);
        if (node != null && node.isObject()) {
          node.path("errorMessages").forEach(m -> messages.add(m.asText()));
          node.path("errors").fields().forEachRemaining(e -> fields.add(new String[] {e.getKey(), e.getValue().asText()}));
          if (node.path("message").isTextual()) {
            messages.add(node.path("message").asText());
          }
          return new ErrorCollection(messages, fields, "");
        }
      } catch (IOException notJson) {
        // HTML error pages from proxies and plain-text answers are real; keep an excerpt instead.
      }
      return new ErrorCollection(messages, fields, HttpFailures.excerpt(body));
    }

    String describe() {
      List<String> parts = new ArrayList<>(messages);
      fields.forEach(f -> parts.add("field '" + f[0] + "': " + f[1]));
      if (!raw.isEmpty()) {
        parts.add(raw);
      }
      return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
    }

    // Each field Jira names points at the setting that put it in the request.
    String hints(JiraSettings settings) {
      List<String> hints = new ArrayList<>();
      for (String[] field : fields) {
        String name = field[0].toLowerCase(Locale.ROOT);
        if (name.startsWith("customfield_")) {
          hints.add("custom field " + field[0] + " is missing or not on the issue's screens: check "
              + "JIRA_OCCURRENCE_FIELD" + settings.occurrenceField().map(f -> " (" + f + ")").orElse(""));
        } else if (name.equals("priority")) {
          hints.add("the project takes no priority on create: set JIRA_SET_PRIORITY=false");
        } else if (name.equals("issuetype")) {
          hints.add("check JIRA_ISSUE_TYPE (" + settings.issueType() + ") against the project's issue types");
        } else if (name.equals("project")) {
          hints.add("check JIRA_PROJECT_KEY (" + settings.projectKey() + ")");
        } else if (name.equals("labels")) {
          hints.add("labels must be single words");
        } else {
          hints.add("field " + field[0] + " is required or invalid in project " + settings.projectKey()
              + ": make it optional or give it a default");
        }
      }
      for (String message : messages) {
        if (message.contains("'project'")) {
          hints.add("check JIRA_PROJECT_KEY (" + settings.projectKey() + ")");
        }
      }
      return hints.isEmpty() ? "" : ": " + String.join("; ", hints);
    }
  }
}
