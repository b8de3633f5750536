package dev.aiops.rca.adapter.jira;

import dev.aiops.rca.http.AuthHeaders;

/** How the service signs in to Jira: Cloud's e-mail and API token, or a Data Center personal access token. */
public sealed interface JiraAuth {

  /** The {@code Authorization} header value. */
  String header();

  /** The settings to check when Jira refuses the credentials. */
  String settingsToCheck();

  /** Jira Cloud: {@code JIRA_USER_EMAIL} and {@code JIRA_API_TOKEN}, sent as HTTP Basic. */
  record CloudToken(String email, String apiToken) implements JiraAuth {
    public CloudToken {
      AuthHeaders.requireNotBlank("email and apiToken must not be blank", email, apiToken);
    }

    @Override
    public String header() {
      return AuthHeaders.basic(email, apiToken);
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
      AuthHeaders.requireNotBlank("token must not be blank", token);
    }

    @Override
    public String header() {
      return AuthHeaders.bearer(token);
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
