package dev.aiops.rca.adapter.adf;

import dev.aiops.rca.http.RetryPolicy;
import dev.aiops.rca.http.SecureEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how to reach one data factory through Azure Resource Manager.
 *
 * @param subscriptionId the factory's subscription ({@code AZURE_SUBSCRIPTION_ID})
 * @param resourceGroup the factory's resource group ({@code ADF_RESOURCE_GROUP})
 * @param factoryName the factory ({@code ADF_FACTORY_NAME})
 * @param credentials how to sign in
 * @param authorityHost the Entra ID authority ({@code AZURE_AUTHORITY_HOST}); {@code https://}, or {@code http://}
 *     on loopback (tests)
 * @param managementUrl the ARM endpoint ({@code AZURE_MANAGEMENT_URL}); {@code https://}, or {@code http://} on
 *     loopback (tests). Tokens are asked for this resource, so sovereign clouds work by changing both URLs
 * @param requestTimeout the longest a single call may take
 * @param maxAttempts how many times a call is tried when the answer is transient (429, 5xx, timeouts)
 * @param maxBackoff the longest wait between two attempts, also when ARM asks for more
 * @param costTagKeys the pipeline parameters and annotations that are cost tags ({@code RCA_COST_TAG_KEYS})
 */
public record AdfSettings(
    String subscriptionId,
    String resourceGroup,
    String factoryName,
    AdfCredentials credentials,
    URI authorityHost,
    URI managementUrl,
    Duration requestTimeout,
    int maxAttempts,
    Duration maxBackoff,
    List<String> costTagKeys) {

  /** The public cloud's Entra ID authority. */
  public static final URI PUBLIC_AUTHORITY = URI.create("https://login.microsoftonline.com");
  /** The public cloud's Resource Manager. */
  public static final URI PUBLIC_MANAGEMENT = URI.create("https://management.azure.com");
  /** The cost tag keys used when {@code RCA_COST_TAG_KEYS} is not set. */
  public static final List<String> DEFAULT_COST_TAG_KEYS = List.of("cost_center", "CostCenter", "team");

  public AdfSettings {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(resourceGroup, "resourceGroup");
    Objects.requireNonNull(factoryName, "factoryName");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    subscriptionId = subscriptionId.strip();
    resourceGroup = resourceGroup.strip();
    factoryName = factoryName.strip();
    // These become path segments of every ARM URL: refuse anything that could step out of the factory's path.
    if (!subscriptionId.matches("[0-9A-Fa-f-]{1,64}")) {
      throw new IllegalArgumentException("AZURE_SUBSCRIPTION_ID must be a subscription GUID: '" + subscriptionId + "'");
    }
    if (!resourceGroup.matches("[-\\w.()]{1,90}") || resourceGroup.endsWith(".")) {
      throw new IllegalArgumentException("ADF_RESOURCE_GROUP is not a resource group name: '" + resourceGroup + "'");
    }
    if (!factoryName.matches("[A-Za-z0-9][A-Za-z0-9-]{0,62}")) {
      throw new IllegalArgumentException("ADF_FACTORY_NAME is not a data factory name: '" + factoryName + "'");
    }
    authorityHost = SecureEndpoint.origin(requireSafeEndpoint(
        Objects.requireNonNull(authorityHost, "authorityHost"), "AZURE_AUTHORITY_HOST", false));
    managementUrl = SecureEndpoint.origin(requireSafeEndpoint(
        Objects.requireNonNull(managementUrl, "managementUrl"), "AZURE_MANAGEMENT_URL", false));
    new RetryPolicy(requestTimeout, maxAttempts, maxBackoff); // checks the three
    costTagKeys = costTagKeys.stream().map(String::strip).filter(key -> !key.isEmpty()).distinct().toList();
  }

  /** Settings for the public cloud with the defaults: 30 s per call, 4 attempts, waits of at most 30 s. */
  public static AdfSettings of(
      String subscriptionId, String resourceGroup, String factoryName, AdfCredentials credentials) {
    return new AdfSettings(subscriptionId, resourceGroup, factoryName, credentials, PUBLIC_AUTHORITY,
        PUBLIC_MANAGEMENT, Duration.ofSeconds(30), 4, Duration.ofSeconds(30), DEFAULT_COST_TAG_KEYS);
  }

  /** The same settings with other endpoints ({@code AZURE_AUTHORITY_HOST}, {@code AZURE_MANAGEMENT_URL}). */
  public AdfSettings withEndpoints(URI authorityHost, URI managementUrl) {
    return new AdfSettings(subscriptionId, resourceGroup, factoryName, credentials, authorityHost, managementUrl,
        requestTimeout, maxAttempts, maxBackoff, costTagKeys);
  }

  /** The same settings with other cost tag keys ({@code RCA_COST_TAG_KEYS}). */
  public AdfSettings withCostTagKeys(List<String> keys) {
    return new AdfSettings(subscriptionId, resourceGroup, factoryName, credentials, authorityHost, managementUrl,
        requestTimeout, maxAttempts, maxBackoff, keys);
  }

  /** The factory's ARM resource id. */
  public String factoryResourceId() {
    return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
        + "/providers/Microsoft.DataFactory/factories/" + factoryName;
  }

  /** The resource that ARM tokens are asked for: the management URL with a trailing slash. */
  String tokenResource() {
    return managementUrl + "/";
  }

  /** The timeout, attempts and backoff of every ARM call. */
  RetryPolicy retryPolicy() {
    return new RetryPolicy(requestTimeout, maxAttempts, maxBackoff);
  }

  // Tokens and secrets travel to these hosts, so they must be reached over TLS: plain HTTP is allowed for loopback
  // stubs and, for the managed identity only, for the link-local metadata service, which never leaves the host.
  static URI requireSafeEndpoint(URI url, String setting, boolean linkLocalAllowed) {
    return SecureEndpoint.require(url, setting, "https://host",
        host -> linkLocalAllowed && host.equals("169.254.169.254"));
  }
}
