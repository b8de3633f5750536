package dev.aiops.rca.adapter.adf;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Links into ADF Studio's monitoring UI: the page of one pipeline run, which needs the run id and the factory's
 * resource id (the Studio is one site for every factory and picks the factory from its {@code factory} parameter).
 */
final class AdfLinks {

  private AdfLinks() {}

  /**
   * {@code https://adf.azure.com/en/monitoring/pipelineruns/<runId>?factory=<resource id, URL-encoded>}, on the
   * Studio of the cloud that {@code managementUrl} belongs to (Azure China and US Government have their own).
   */
  static String pipelineRunPage(URI managementUrl, String factoryResourceId, String runId) {
    return studio(managementUrl) + "/en/monitoring/pipelineruns/" + encode(runId) + "?factory="
        + encode(factoryResourceId);
  }

  private static String studio(URI managementUrl) {
    String host = managementUrl.getHost() == null ? "" : managementUrl.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith(".chinacloudapi.cn")) {
      return "https://adf.azure.cn";
    }
    if (host.endsWith(".usgovcloudapi.net")) {
      return "https://adf.azure.us";
    }
    return "https://adf.azure.com";
  }

  /** Percent-encoding for a path segment or a query value: spaces as %20, not +. */
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
