package dev.aiops.rca.adapter.databricks;

import java.util.Objects;

/** How the service signs in to a Databricks workspace: a personal access token or an OAuth service principal. */
public sealed interface DatabricksCredentials {

  /** A personal access token ({@code DATABRICKS_TOKEN}), sent as a bearer token as it is. */
  record PersonalAccessToken(String token) implements DatabricksCredentials {
    public PersonalAccessToken {
      Objects.requireNonNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("token must not be blank");
      }
    }

    @Override
    public String toString() {
      return "PersonalAccessToken[****]";
    }
  }

  /**
   * An OAuth machine-to-machine client ({@code DATABRICKS_CLIENT_ID} / {@code DATABRICKS_CLIENT_SECRET}), whose
   * bearer tokens come from the workspace's {@code /oidc/v1/token}.
   */
  record OAuthClient(String clientId, String clientSecret) implements DatabricksCredentials {
    public OAuthClient {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      if (clientId.isBlank() || clientSecret.isBlank()) {
        throw new IllegalArgumentException("clientId and clientSecret must not be blank");
      }
    }

    @Override
    public String toString() {
      return "OAuthClient[clientId=" + clientId + ", clientSecret=****]";
    }
  }
}
