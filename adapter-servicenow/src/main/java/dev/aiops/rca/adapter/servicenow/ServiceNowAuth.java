package dev.aiops.rca.adapter.servicenow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** How the service signs in to ServiceNow: a user and password (Basic) or an OAuth bearer token. */
public sealed interface ServiceNowAuth {

  /** The {@code Authorization} header value. */
  String header();

  /** The settings to check when ServiceNow refuses the credentials. */
  String settingsToCheck();

  /** {@code SERVICENOW_USER} and {@code SERVICENOW_PASSWORD}, sent as HTTP Basic. */
  record UserPassword(String user, String password) implements ServiceNowAuth {
    public UserPassword {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (user.isBlank() || password.isBlank()) {
        throw new IllegalArgumentException("user and password must not be blank");
      }
    }

    @Override
    public String header() {
      return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String settingsToCheck() {
      return "SERVICENOW_USER and SERVICENOW_PASSWORD";
    }

    @Override
    public String toString() {
      return "UserPassword[user=" + user + ", password=****]";
    }
  }

  /** {@code SERVICENOW_TOKEN}: an OAuth access token, sent as a bearer token. */
  record BearerToken(String token) implements ServiceNowAuth {
    public BearerToken {
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
      return "SERVICENOW_TOKEN";
    }

    @Override
    public String toString() {
      return "BearerToken[****]";
    }
  }
}
