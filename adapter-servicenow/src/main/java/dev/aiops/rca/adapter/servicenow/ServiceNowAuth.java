package dev.aiops.rca.adapter.servicenow;

import dev.aiops.rca.http.AuthHeaders;

/** How the service signs in to ServiceNow: a user and password (Basic) or an OAuth bearer token. */
public sealed interface ServiceNowAuth {

  /** The {@code Authorization} header value. */
  String header();

  /** The settings to check when ServiceNow refuses the credentials. */
  String settingsToCheck();

  /** {@code SERVICENOW_USER} and {@code SERVICENOW_PASSWORD}, sent as HTTP Basic. */
  record UserPassword(String user, String password) implements ServiceNowAuth {
    public UserPassword {
      AuthHeaders.requireNotBlank("user and password must not be blank", user, password);
    }

    @Override
    public String header() {
      return AuthHeaders.basic(user, password);
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
      AuthHeaders.requireNotBlank("token must not be blank", token);
    }

    @Override
    public String header() {
      return AuthHeaders.bearer(token);
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
