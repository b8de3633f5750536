package dev.aiops.rca.adapter.jira;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** How the service signs in to Jira: Cloud's e-mail and API token, or a Data Center personal access token. */
public sealed interface JiraAuth {

  /** The {@code Authorization} header value. */
  String header();

  /** The settings to check when Jira refuses the credentials. */
  String settingsToCheck();

  /** Jira Cloud: {@code JIRA_USER_EMAIL} and {@code JIRA_API_TOKEN}, sent as HTTP Basic. */
  record CloudToken(String email, String apiToken) implements JiraAuth {
    public CloudToken {
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(apiToken, "apiToken");
      if (email.isBlank() || apiToken.isBlank()) {
        throw new IllegalArgumentException("email and apiToken must not be blank");
      }
    }

    @Override
    public String header() {
      return "Basic " + Base64.getEncoder().encodeToString((email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String settingsToCheck() {
      return "JIRA_USER_EMAIL and JIRA_API_TOKEN";
    }

    @Override
    public String toString() {
      return "CloudToken[email=" + email + ", apiToken=****]";
    }
  }

  /** Jira Data Center: a personal access token in {@code JIRA_API_TOKEN} with no e-mail, sent as a bearer token. */
  record PersonalAccessToken(String token) implements JiraAuth {
    public PersonalAccessToken {
      Objects.requireNonNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("token must not be blank");
      }
    }

    @Override
    public String header() {
      return "Bearer " + token;
    }

    @Override
    public String settingsToCheck() {
      return "JIRA_API_TOKEN (a Data Center personal access token; set JIRA_USER_EMAIL too for Jira Cloud)";
    }

    @Override
    public String toString() {
      return "PersonalAccessToken[****]";
    }
  }
}
