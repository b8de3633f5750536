package dev.aiops.rca.adapter.servicenow;

import dev.aiops.rca.http.Credentials;

/** How the service signs in to ServiceNow: a user and password (Basic) or an OAuth bearer token. */
public final class ServiceNowAuth {

  private ServiceNowAuth() {}

  /** {@code SERVICENOW_USER} and {@code SERVICENOW_PASSWORD}, sent as HTTP Basic. */
  public static Credentials userPassword(String user, String password) {
    return new Credentials.Basic(user, password, "SERVICENOW_USER and SERVICENOW_PASSWORD");
  }

  /** {@code SERVICENOW_TOKEN}: an OAuth access token, sent as a bearer token. */
  public static Credentials bearer(String token) {
    return new Credentials.Bearer(token, "SERVICENOW_TOKEN");
  }
}
