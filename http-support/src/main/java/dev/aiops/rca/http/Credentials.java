package dev.aiops.rca.http;

import java.util.Objects;

/**
 * Fixed credentials for an {@code Authorization} header, HTTP Basic or a bearer token, that know which settings hold
 * them so that a refusal can name those settings; printed, they never show the secret.
 */
public sealed interface Credentials extends Authorization {

  /** The settings to check when the server refuses these credentials, such as {@code "JIRA_API_TOKEN"}. */
  String settingsToCheck();

  /** A user and a secret (a password or an API token), sent as HTTP Basic in UTF-8. */
  record Basic(String user, String secret, String settingsToCheck) implements Credentials {
    public Basic {
      requireParts(settingsToCheck, user, secret);
    }

    @Override
    public String header() {
      return AuthHeaders.basic(user, secret);
    }

    @Override
    public String toString() {
      return "Basic[user=" + user + ", secret=****, settings=" + settingsToCheck + "]";
    }
  }

  /** A token sent as {@code Bearer}. */
  record Bearer(String token, String settingsToCheck) implements Credentials {
    public Bearer {
      requireParts(settingsToCheck, token);
    }

    @Override
    public String header() {
      return AuthHeaders.bearer(token);
    }

    @Override
    public String toString() {
      return "Bearer[token=****, settings=" + settingsToCheck + "]";
    }
  }

  // The message names the settings, never the values: they are secrets, and the message may reach a log.
  private static void requireParts(String settingsToCheck, String... parts) {
    Objects.requireNonNull(settingsToCheck, "settingsToCheck");
    AuthHeaders.requireNotBlank("credentials must not be blank: check " + settingsToCheck, parts);
  }
}
