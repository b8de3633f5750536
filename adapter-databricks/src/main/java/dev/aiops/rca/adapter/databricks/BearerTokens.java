package dev.aiops.rca.adapter.databricks;

import dev.aiops.rca.http.HttpTransport;
/** Gives the bearer token for the next API call. Implementations are thread-safe. */
interface BearerTokens {

  /** The token to send now. @throws dev.aiops.rca.port.PortException if none can be had */
  String current();

  /** Forgets a token the workspace refused, so that the next {@link #current()} asks for a fresh one. */
  void refused(String token);

  /** Tokens for the given credentials. */
  static BearerTokens of(DatabricksSettings settings, HttpTransport transport) {
    if (settings.credentials() instanceof DatabricksCredentials.PersonalAccessToken pat) {
      String token = pat.token();
      return new BearerTokens() {
        @Override
        public String current() {
          return token;
        }

        @Override
        public void refused(String refused) {
          // A personal access token cannot be renewed by the service.
        }
      };
    }
    return new OAuthTokens(settings, (DatabricksCredentials.OAuthClient) settings.credentials(), transport);
  }
}
