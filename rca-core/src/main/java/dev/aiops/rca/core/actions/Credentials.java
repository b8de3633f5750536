package dev.aiops.rca.core.actions;

import dev.aiops.rca.domain.EntityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Names which credential failed to authenticate and where the job configures it; never the credential itself. */
final class Credentials {

  // Formats parsed:
  // - Microsoft Entra sign-in errors "AADSTS<code>: <text>", codes from the Entra authentication and authorization
  //   error codes reference (https://learn.microsoft.com/entra/identity-platform/reference-error-codes):
  //   AADSTS7000215 invalid client secret, AADSTS7000222 expired client secret, AADSTS700027 client assertion
  //   (certificate) invalid, AADSTS700016 application not found in the directory, AADSTS50126 invalid user name or
  //   password, AADSTS90002 tenant not found, AADSTS700082 refresh token expired.
  // - Databricks REST "Invalid access token" and ADF Databricks activity error 3200 "Error 403" (Microsoft
  //   "Troubleshoot the Azure Databricks activity": the access token is expired or invalid).
  // - SQL Server error 18456 "Login failed for user '<name>'".
  // - Azure Storage 403 AuthenticationFailed "Server failed to authenticate the request. Make sure the value of
  //   Authorization header is formed correctly including the signature." (account key or SAS).
  // - Generic expired-token wording ("token is expired", "ExpiredToken").

  private static final Pattern AADSTS = Pattern.compile("\\bAADSTS(\\d{5,7})\\b");
  private static final Pattern APP_ID = Pattern.compile(
      "(?:app|application|Application with identifier|client_id[=:]\\s?|client id)\\s?'?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-"
          + "[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
  private static final Pattern GUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern TENANT = Pattern.compile(
      "(?:login\\.microsoftonline\\.com/|Tenant '|tenant identifier '|directory ')"
          + "([0-9a-fA-F-]{36}|[\\w.-]{3,200}\\.[a-z]{2,})");
  private static final Pattern SECRET_REF = Pattern.compile("\\{\\{secrets/([\\w.@-]{1,128})/([\\w.@-]{1,128})\\}\\}");
  private static final Pattern SECRET_GET = Pattern.compile(
      "secrets\\.get\\(\\s*(?:scope\\s*=\\s*)?[\"']([\\w.@-]{1,128})[\"']\\s*,"
          + "\\s*(?:key\\s*=\\s*)?[\"']([\\w.@-]{1,128})[\"']");
  private static final Pattern KEY_VAULT = Pattern.compile("\\b([a-zA-Z0-9-]{3,24})\\.vault\\.azure\\.net");
  private static final Pattern OAUTH_CONF = Pattern.compile(
      "(fs\\.azure\\.account\\.oauth2\\.client\\.(?:secret|id)[\\w.-]{0,200})");
  private static final Pattern INVALID_TOKEN = Pattern.compile("(?i)invalid access token");
  private static final Pattern ADF_403 = Pattern.compile("\\bError 403\\b");
  private static final Pattern ADF_3200 = Pattern.compile("\"?errorCode\"?\\s*[:=]\\s*\"?3200\\b");
  private static final Pattern LOGIN_FAILED = Pattern.compile("Login failed for user '([^'\\r\\n]{0,200})'");
  private static final Pattern STORAGE_AUTH = Pattern.compile("Server failed to authenticate the request");
  private static final Pattern SAS_EXPIRED = Pattern.compile(
      "(?i)Signed expiry time|not valid in the specified time frame|sas token (?:has )?expired");
  private static final Pattern STORAGE_ACCOUNT = Pattern.compile(
      "(?:@|//)([a-z0-9]{3,24})\\.(?:blob|dfs|file|queue)\\.core\\.windows\\.net");
  private static final Pattern EXPIRED = Pattern.compile(
      "(?i)\\btoken (?:is |has )?expired|\\bExpiredToken\\b|\\bexpired token\\b");

  private Credentials() {}

  static List<String> actions(Texts texts) {
    Optional<MatchResult> aad = texts.first(AADSTS);
    if (aad.isPresent()) {
      Optional<String> action = entra(texts, aad.get().group(1));
      if (action.isPresent()) {
        return List.of(action.get());
      }
    }
    Optional<MatchResult> login = texts.first(LOGIN_FAILED);
    if (login.isPresent()) {
      return List.of(sqlLogin(texts, login.get().group(1).strip()));
    }
    if (texts.has(STORAGE_AUTH)) {
      String account = texts.first(STORAGE_ACCOUNT).map(m -> " of storage account " + Texts.q(m.group(1))).orElse("");
      if (texts.has(SAS_EXPIRED)) {
        return List.of("The SAS token used for the storage" + account + " has expired or is not yet valid: issue a"
            + " new SAS and update it in " + where(texts, "the linked service or Spark conf that holds it") + ".");
      }
      return List.of("The storage account key or SAS token used for the storage" + account + " was rejected"
          + " (AuthenticationFailed): update the key or SAS in " + where(texts, "the linked service or Spark conf"
          + " that holds it") + ", e.g. after a key rotation.");
    }
    if (texts.has(INVALID_TOKEN) || (texts.has(ADF_403) && isDatabricksActivityError(texts))) {
      return List.of("The Databricks personal access token is expired or invalid: generate a new one (or switch to"
          + " a managed identity) and update it in " + where(texts, "the Databricks linked service (`accessToken`"
          + " or its Key Vault secret) or `DATABRICKS_TOKEN`") + ".");
    }
    if (texts.has(EXPIRED)) {
      return List.of("The access token the task used has expired: renew it and update it in "
          + where(texts, "the secret or connection setting that holds it")
          + ", preferably with a credential that refreshes itself (service principal OAuth or managed identity).");
    }
    return List.of();
  }

  private static boolean isDatabricksActivityError(Texts texts) {
    return texts.entities(EntityKind.ERROR_CODE).contains("3200") || texts.has(ADF_3200);
  }

  private static Optional<String> entra(Texts texts, String code) {
    String app = texts.first(APP_ID).map(m -> m.group(1)).or(() -> clientIdSetting(texts))
        .map(id -> " " + Texts.q(id)).orElse("");
    String tenant = texts.first(TENANT).map(m -> Texts.q(m.group(1))).orElse("");
    String where = where(texts, "the secret scope or Key Vault secret the job reads it from");
    String id = "AADSTS" + code;
    switch (code) {
      case "7000215":
        return Optional.of("The client secret of the app registration" + app + " is wrong (" + id + "): store the"
            + " secret's Value, not its Secret ID, in " + where + ".");
      case "7000222":
        return Optional.of("The client secret of the app registration" + app + " has expired (" + id + "): create a new"
            + " client secret in Entra ID and update it in " + where + ".");
      case "700027":
        return Optional.of("The certificate (client assertion) of the app registration" + app + " was rejected (" + id
            + "): check that the certificate the job signs with is the one uploaded to the app registration and has"
            + " not expired, and update it in " + where + ".");
      case "700016":
        return Optional.of("Application" + app + " was not found in tenant " + (tenant.isEmpty() ? "" : tenant + " ")
            + "(" + id + "): check the client id and tenant id the job is configured with"
            + (app.isEmpty() ? "" : ", and that the app registration exists in that tenant") + ".");
      case "50126":
        return Optional.of("The user name or password used to sign in is wrong (" + id + "): update the password in "
            + where + ", or switch to a service principal or managed identity.");
      case "90002":
        return Optional.of("Tenant " + (tenant.isEmpty() ? "" : tenant + " ") + "was not found (" + id
            + "): check the tenant id in the OAuth endpoint the job uses"
            + " (e.g. `fs.azure.account.oauth2.client.endpoint`).");
      case "700082":
        return Optional.of("The refresh token has expired (" + id + "): sign in again to renew the credential in "
            + where + ", or use a service principal or managed identity instead of a user token.");
      default:
        return Optional.empty();
    }
  }

  /** The client id a setting holds (e.g. {@code fs.azure.account.oauth2.client.id}), when it is a plain GUID. */
  private static Optional<String> clientIdSetting(Texts texts) {
    for (Map.Entry<String, String> e : texts.details().entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if ((key.contains("client.id") || key.contains("clientid") || key.contains("client_id"))
          && GUID.matcher(e.getValue().strip()).matches()) {
        return Optional.of(e.getValue().strip());
      }
    }
    return Optional.empty();
  }

  private static String sqlLogin(Texts texts, String user) {
    if (user.isEmpty() || user.toUpperCase(Locale.ROOT).contains("ANONYMOUS LOGON")) {
      return "SQL Server received no identity (Login failed for anonymous logon, error 18456): configure the linked"
          + " service to authenticate with its managed identity or a SQL login, and for a managed identity create its"
          + " database user (`CREATE USER [<identity name>] FROM EXTERNAL PROVIDER`).";
    }
    if (user.contains("token-identified principal")) {
      return "The Entra identity was authenticated but has no user in the database (error 18456): create it with"
          + " `CREATE USER [<identity name>] FROM EXTERNAL PROVIDER` and grant it the roles the activity needs.";
    }
    return "SQL login " + Texts.q(user) + " was rejected (error 18456): check the password stored in "
        + where(texts, "the linked service or its Key Vault secret") + ", and that the login exists, is enabled and"
        + " may open the target database.";
  }

  /** Where the credential is configured, as far as the evidence shows it, else the given default. */
  private static String where(Texts texts, String fallback) {
    List<String> places = new ArrayList<>();
    secretRef(texts).ifPresent(places::add);
    texts.first(KEY_VAULT).ifPresent(m -> places.add("Key Vault " + Texts.q(m.group(1))));
    texts.first(OAUTH_CONF).ifPresent(m -> places.add("Spark conf " + Texts.q(m.group(1))));
    if (places.isEmpty()) {
      return fallback;
    }
    return String.join(" and ", places.subList(0, Math.min(2, places.size())));
  }

  private static Optional<String> secretRef(Texts texts) {
    for (Map.Entry<String, String> e : texts.details().entrySet()) {
      var m = SECRET_REF.matcher(e.getValue());
      if (m.find()) {
        return Optional.of("secret scope " + Texts.q(m.group(1)) + " key " + Texts.q(m.group(2)));
      }
    }
    return texts.first(SECRET_REF).or(() -> texts.first(SECRET_GET))
        .map(m -> "secret scope " + Texts.q(m.group(1)) + " key " + Texts.q(m.group(2)));
  }
}
