package dev.aiops.rca.adapter.jira;

import dev.aiops.rca.http.Credentials;

/** How the service signs in to Jira: Cloud's e-mail and API token, or a Data Center personal access token. */
public final class JiraAuth {

  private JiraAuth() {}

  /** Jira Cloud: {@code JIRA_USER_EMAIL} and {@code JIRA_API_TOKEN}, sent as HTTP Basic. */
  public static Credentials cloud(String email, String apiToken) {
    return new Credentials.Basic(email, apiToken, "JIRA_USER_EMAIL and JIRA_API_TOKEN");
  }

  /** Jira Data Center: a personal access token in {@code JIRA_API_TOKEN} with no e-mail, sent as a bearer token. */
  public static Credentials dataCenter(String token) {
    return new Credentials.Bearer(token,
        "JIRA_API_TOKEN (a Data Center personal access token; set JIRA_USER_EMAIL too for Jira Cloud)");
  }
}
