package dev.aiops.rca.adapter.adf;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** How the service signs in to Azure Resource Manager: an Entra ID client secret or a managed identity. */
public sealed interface AdfCredentials {

  /**
   * A service principal ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET}) that gets
   * its tokens with the client-credentials grant of the v2 token endpoint.
   */
  record ClientSecret(String tenantId, String clientId, String clientSecret) implements AdfCredentials {
    public ClientSecret {
      Objects.requireNonNull(tenantId, "tenantId");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      tenantId = tenantId.strip();
      clientId = clientId.strip();
      if (tenantId.isEmpty() || clientId.isEmpty() || clientSecret.isBlank()) {
        throw new IllegalArgumentException(
            "AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET must all be set and not blank");
      }
      // The tenant becomes a path segment of the token URL: a GUID or a domain name, nothing that could change it.
      if (!tenantId.matches("[A-Za-z0-9.-]{1,253}")) {
        throw new IllegalArgumentException("AZURE_TENANT_ID must be a tenant GUID or domain name: " + tenantId);
      }
    }

    @Override
    public String toString() {
      return "ClientSecret[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret=****]";
    }
  }

  /**
   * The managed identity of the host ({@code AZURE_USE_MANAGED_IDENTITY=true}), through the instance metadata
   * service.
   *
   * @param clientId the client id of a user-assigned identity ({@code AZURE_CLIENT_ID}); empty for the
   *     system-assigned one
   * @param endpoint the token endpoint of the instance metadata service; only tests change it
   */
  record ManagedIdentity(Optional<String> clientId, URI endpoint) implements AdfCredentials {

    /** The instance metadata service's token endpoint on every Azure VM. */
    public static final URI IMDS = URI.create("http://169.254.169.254/metadata/identity/oauth2/token");

    public ManagedIdentity {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(endpoint, "endpoint");
      clientId = clientId.map(String::strip).filter(id -> !id.isEmpty());
      endpoint = AdfSettings.requireSafeEndpoint(endpoint, "the managed identity endpoint", true);
    }

    /** The system-assigned identity, or the user-assigned one with this client id. */
    public static ManagedIdentity of(Optional<String> clientId) {
      return new ManagedIdentity(clientId, IMDS);
    }
  }
}
