package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.http.HttpFailures;
import dev.aiops.rca.http.RetryAfter;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where ARM, Entra ID and managed identity answers and transport failures become port exceptions.
 * Messages name the setting or the role to fix, and never hold a token or a secret.
 */
final class AdfErrors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ACTION = Pattern.compile("perform action '([^']+)'");
  private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
  private static final String CREDENTIAL_SETTINGS = "AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET";

  private AdfErrors() {}

  /**
   * What an ARM answer other than 2xx means.
   *
   * @param call the call, for people ("the pipeline run 8c3e…")
   * @param factory the factory the call was about, to name it in role advice
   */
  static PortException fromStatus(String call, int status, String body, HttpHeaders headers, String factory) {
    CloudError error = CloudError.parse(body);
    String said = " (HTTP " + status + error.describe() + ")";
    if (HttpFailures.isThrottled(status)) {
      return new TransientPortException("ARM throttled " + call + said
          + ": Data Factory allows 1,000 monitoring queries a minute", null, RetryAfter.from(headers));
    }
    if (HttpFailures.isServerFailure(status)) {
      return new TransientPortException("ARM failed " + call + said, null, RetryAfter.from(headers));
    }
    if (status == 401) {
      return new PermanentPortException("ARM refused the token for " + call + said + ": check "
          + CREDENTIAL_SETTINGS + " (or the managed identity), and that AZURE_AUTHORITY_HOST and "
          + "AZURE_MANAGEMENT_URL belong to the same cloud");
    }
    if (status == 403) {
      Matcher action = ACTION.matcher(error.message());
      String needs = action.find() ? "the action " + action.group(1) : "the Data Factory action";
      return new PermanentPortException("ARM denied " + call + said + ": the service principal or managed identity"
          + " lacks " + needs + "; grant it the Data Factory Contributor role on factory " + factory
          + " (Reader or a custom role with the read and query actions is enough to analyse, "
          + "Data Factory Contributor is needed to rerun)");
    }
    if (status == 404) {
      String what = error.code().equals("ResourceGroupNotFound") ? "check ADF_RESOURCE_GROUP"
          : error.code().equals("SubscriptionNotFound") ? "check AZURE_SUBSCRIPTION_ID"
          : error.code().equals("ResourceNotFound") && error.message().contains("factories/")
              ? "check ADF_FACTORY_NAME and ADF_RESOURCE_GROUP"
              : "pipeline run not found: Data Factory keeps run data for 45 days; also check AZURE_SUBSCRIPTION_ID,"
                  + " ADF_RESOURCE_GROUP and ADF_FACTORY_NAME";
      return new PermanentPortException("ARM found no " + call + said + ": " + what);
    }
    if (HttpFailures.isRedirect(status)) {
      return new PermanentPortException("ARM redirected " + call + said + ": check AZURE_MANAGEMENT_URL");
    }
    return new PermanentPortException("ARM rejected " + call + said);
  }

  /** What a token endpoint's answer other than 2xx means; the AADSTS code names the setting to fix. */
  static PortException fromTokenEndpoint(
      String call, AdfCredentials credentials, int status, String body, HttpHeaders headers) {
    TokenError error = TokenError.parse(body);
    String said = " (HTTP " + status + error.describe() + ")";
    if (HttpFailures.isThrottled(status) || HttpFailures.isServerFailure(status)) {
      return new TransientPortException(call + " failed" + said, null, RetryAfter.from(headers));
    }
    if (credentials instanceof AdfCredentials.ManagedIdentity) {
      return new PermanentPortException(call + " was refused" + said + ": check that this host has a managed "
          + "identity (AZURE_USE_MANAGED_IDENTITY=true), and AZURE_CLIENT_ID if it is a user-assigned one");
    }
    String fix;
    switch (error.aadsts()) {
      case "7000215", "7000222", "7000216":
        fix = "check AZURE_CLIENT_SECRET: it is wrong or has expired (use the secret's value, not its id)";
        break;
      case "700016":
        fix = "check AZURE_CLIENT_ID: no such application in tenant AZURE_TENANT_ID";
        break;
      case "90002", "900023", "90072":
        fix = "check AZURE_TENANT_ID: no such tenant, or the application is not in it";
        break;
      case "70011", "500011":
        fix = "check AZURE_MANAGEMENT_URL: its /.default scope is not a resource of this cloud";
        break;
      default:
        fix = "check " + CREDENTIAL_SETTINGS + ", and AZURE_AUTHORITY_HOST for a sovereign cloud";
    }
    return new PermanentPortException(call + " was refused" + said + ": " + fix);
  }

  /** A failure below HTTP on the way to ARM: a timeout, a refused or reset connection. */
  static PortException fromTransport(String call, IOException e) {
    return HttpFailures.unreachable("ARM", call, e, "check AZURE_MANAGEMENT_URL and the network");
  }

  /** A failure below HTTP on the way to the token endpoint. */
  static PortException fromTokenTransport(String call, AdfCredentials credentials, IOException e) {
    String what = HttpFailures.transportWording(e);
    String check = credentials instanceof AdfCredentials.ManagedIdentity
        ? "the managed identity endpoint is only there on Azure hosts with AZURE_USE_MANAGED_IDENTITY=true"
        : "check AZURE_AUTHORITY_HOST and the network";
    return new TransientPortException(call + " " + what + ": " + e.getClass().getSimpleName() + " (" + check + ")",
        e);
  }

  /** A 2xx answer whose body is not the JSON that was asked for. */
  static PortException notJson(String call, String body) {
    return HttpFailures.notJson("ARM", call, body, "check AZURE_MANAGEMENT_URL and AZURE_AUTHORITY_HOST");
  }

  /** ARM's {@code {"error":{"code","message"}}} (the spec's CloudError), read leniently. */
  private record CloudError(String code, String message) {

    static CloudError parse(String body) {
      try {
        JsonNode node = JSON.readTree(body == null ? "" : body);
        if (node != null && node.isObject()) {
          // Some gateways answer with the fields at the top level instead of under "error".
          JsonNode error = node.path("error").isObject() ? node.path("error") : node;
          return new CloudError(error.path("code").asText("").strip(), error.path("message").asText("").strip());
        }
      } catch (IOException notJson) {
        // Gateway HTML pages and plain-text answers are real; keep an excerpt instead.
      }
      return new CloudError("", HttpFailures.excerpt(body));
    }

    String describe() {
      return (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message);
    }
  }

  /** Entra ID's {@code {"error","error_description","error_codes"}}, or the metadata service's variant. */
  private record TokenError(String error, String description, String aadsts) {

    static TokenError parse(String body) {
      try {
        JsonNode node = JSON.readTree(body == null ? "" : body);
        if (node != null && node.isObject()) {
          // The description's first line is the message; the trace and correlation ids follow on other lines.
          String description = node.path("error_description").asText("").split("\\r?\\n", 2)[0].strip();
          String code = node.path("error_codes").path(0).asText("");
          if (code.isEmpty()) {
            Matcher aadsts = AADSTS.matcher(description);
            code = aadsts.find() ? aadsts.group(1) : "";
          }
          return new TokenError(node.path("error").asText("").strip(), description, code);
        }
      } catch (IOException notJson) {
        // fall through to the excerpt
      }
      return new TokenError("", HttpFailures.excerpt(body), "");
    }

    String describe() {
      return (error.isEmpty() ? "" : " " + error) + (description.isEmpty() ? "" : ": " + description);
    }
  }
}
