package dev.aiops.rca.core.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Names the principal, the object and the privilege or role a permission failure is missing, as a grant to make. */
final class Grants {

  // Formats parsed:
  // - Unity Catalog PERMISSION_DENIED / [INSUFFICIENT_PERMISSIONS] "User does not have <PRIVILEGE> on <Securable>
  //   '<name>'" (Databricks "Unity Catalog privileges and securable objects"), and the legacy table-ACL form
  //   "User does not have permission <PRIVILEGE> on <any file|table ...>".
  // - Azure Storage 403 AuthorizationPermissionMismatch "This request is not authorized to perform this operation
  //   using this permission." with the request URL (ABFS prints "403, GET, https://account.dfs.core.windows.net/...").
  // - Azure Resource Manager AuthorizationFailed "The client '<id>' with object id '<oid>' does not have authorization
  //   to perform action '<action>' over scope '<scope>'".
  // - Databricks cluster ACL "User: SimpleUserContext{..., name=<user>, ...} is not authorized to access cluster".

  private static final Pattern UC = Pattern.compile(
      "(?:User|Principal)(?: '([^'\\r\\n]{1,200})')? does not have ((?:[A-Z][A-Z_]{1,30}(?: [A-Z][A-Z_]{1,30}){0,2}"
          + "(?:,? and |, )?){1,5}) on (?i:(catalog|schema|table|view|volume|function|external location|"
          + "storage credential|connection|share|metastore|registered model|model)) '([^'\\r\\n]{1,300})'");
  private static final Pattern LEGACY = Pattern.compile(
      "does not have permission ([A-Z][A-Z_ ]{1,40}?) on (any file|anonymous function|(?i:table|database|schema|catalog|"
          + "view|function))(?: ((?:`[^`\\r\\n]{1,200}`\\.?){1,3}|[\\w.]{1,300}))?");
  private static final Pattern STORAGE_DENIED = Pattern.compile(
      "AuthorizationPermissionMismatch|not authorized to perform this operation using this permission");
  private static final Pattern STORAGE_VERB = Pattern.compile(
      "\\b403, (GET|HEAD|PUT|POST|PATCH|DELETE), ");
  private static final Pattern ABFS_URI = Pattern.compile(
      "(?:abfss?|wasbs?)://([^@/\\s'\"]{1,200})@([a-z0-9]{1,64})\\.(?:dfs|blob)\\.core\\.windows\\.net(/[^\\s'\"?]*)?");
  private static final Pattern HTTPS_URI = Pattern.compile(
      "https?://([a-z0-9]{1,64})\\.(?:dfs|blob)\\.core\\.windows\\.net/([^/?\\s'\",]{1,200})([^?\\s'\",]*)"
          + "(?:\\?[^\\s'\",]*?directory=([^&\\s'\",]{1,500}))?");
  private static final Pattern ARM = Pattern.compile(
      "The client '([^'\\r\\n]{1,200})' with object id '([^'\\r\\n]{1,100})' does not have authorization to perform"
          + " action '([^'\\r\\n]{1,300})' over scope '([^'\\r\\n]{1,1000})'");
  private static final Pattern CLUSTER = Pattern.compile(
      "(?:SimpleUserContext\\{[^}]{0,500}?name=([^,}\\s]{1,200})[^}]{0,500}\\}|User '?([^'\\s]{1,200})'?)"
          + " is not authorized to (?:access|use|attach to) (?:the )?cluster");

  private Grants() {}

  static List<String> actions(Texts texts) {
    Optional<MatchResult> uc = texts.first(UC);
    if (uc.isPresent()) {
      return unityCatalog(texts, uc.get());
    }
    Optional<MatchResult> legacy = texts.first(LEGACY);
    if (legacy.isPresent()) {
      return legacyAcl(texts, legacy.get());
    }
    Optional<MatchResult> arm = texts.first(ARM);
    if (arm.isPresent()) {
      MatchResult m = arm.get();
      return List.of("Assign client " + Texts.q(m.group(1)) + " (object id " + Texts.q(m.group(2))
          + ") a role that allows " + Texts.q(m.group(3)) + " on scope " + Texts.q(m.group(4))
          + " (a built-in role that includes the action, or a custom role), then re-run after the assignment"
          + " propagates.");
    }
    if (texts.has(STORAGE_DENIED)) {
      List<String> storage = storage(texts);
      if (!storage.isEmpty()) {
        return storage;
      }
    }
    Optional<MatchResult> cluster = texts.first(CLUSTER);
    if (cluster.isPresent()) {
      String user = cluster.get().group(1) != null ? cluster.get().group(1) : cluster.get().group(2);
      String clusterId = texts.detail("existing_cluster_id", "existingClusterId",
          "linkedService.typeProperties.existingClusterId").map(id -> " " + Texts.q(id)).orElse("");
      return List.of("Give " + Texts.q(user) + " the Can Attach To (or Can Restart) permission on the cluster"
          + clusterId + " the task runs on, or run the task on a job cluster the identity owns.");
    }
    return List.of();
  }

  private static String principal(Texts texts, String named) {
    if (named != null && !named.isBlank()) {
      return Texts.q(named);
    }
    return texts.detail("run_as_user_name", "run_as.user_name", "run_as.service_principal_name",
        "run_as.group_name", "creator_user_name").map(Texts::q).orElse("`<run-as principal>`");
  }

  private static List<String> unityCatalog(Texts texts, MatchResult m) {
    String principal = principal(texts, m.group(1));
    List<String> privileges = new ArrayList<>();
    for (String p : m.group(2).split(",? and |, ")) {
      if (!p.isBlank()) {
        privileges.add(p.strip());
      }
    }
    String securable = m.group(3).toUpperCase(Locale.ROOT);
    if (securable.equals("VIEW")) {
      securable = "TABLE";
    }
    String object = m.group(4).strip();
    String privilegeText = String.join(", ", privileges);
    List<String> out = new ArrayList<>();
    out.add("Grant " + privilegeText + " on " + securable.toLowerCase(Locale.ROOT) + " " + Texts.q(object)
        + " to the job's run-as principal " + principal + " (GRANT " + privilegeText + " ON " + securable + " "
        + sqlName(object) + " TO " + principal + ").");
    List<String> parts = Texts.nameParts(object);
    boolean inSchema = securable.equals("TABLE") || securable.equals("VOLUME") || securable.equals("FUNCTION");
    if (inSchema && parts.size() == 3) {
      out.add("To reach " + Texts.q(object) + " the principal also needs USE CATALOG on catalog "
          + Texts.q(parts.get(0)) + " and USE SCHEMA on schema " + Texts.q(parts.get(0) + "." + parts.get(1)) + ".");
    } else if (securable.equals("SCHEMA") && parts.size() == 2 && !privileges.contains("USE CATALOG")) {
      out.add("To reach " + Texts.q(object) + " the principal also needs USE CATALOG on catalog "
          + Texts.q(parts.get(0)) + ".");
    }
    return out;
  }

  private static List<String> legacyAcl(Texts texts, MatchResult m) {
    String principal = principal(texts, null);
    String privilege = m.group(1).strip();
    String on = m.group(2).toUpperCase(Locale.ROOT);
    if (on.equals("ANY FILE") || on.equals("ANONYMOUS FUNCTION")) {
      List<String> out = new ArrayList<>();
      out.add("Grant " + privilege + " on " + on + " to " + principal + " (GRANT " + privilege + " ON " + on + " TO "
          + principal + "), or read the files through a Unity Catalog external location or volume instead.");
      return out;
    }
    String object = m.group(3) == null ? "" : String.join(".", Texts.nameParts(m.group(3)));
    if (object.isEmpty()) {
      return List.of("Grant " + privilege + " on the " + on.toLowerCase(Locale.ROOT) + " the task uses to "
          + principal + ".");
    }
    return List.of("Grant " + privilege + " on " + on.toLowerCase(Locale.ROOT) + " " + Texts.q(object) + " to "
        + principal + " (GRANT " + privilege + " ON " + on + " " + sqlName(object) + " TO " + principal + ").");
  }

  private static List<String> storage(Texts texts) {
    String account = null;
    String container = null;
    String folder = null;
    Optional<MatchResult> https = texts.first(HTTPS_URI);
    if (https.isPresent()) {
      account = https.get().group(1);
      container = https.get().group(2);
      folder = https.get().group(4) != null ? decode(https.get().group(4)) : emptyToNull(https.get().group(3));
    }
    Optional<MatchResult> abfs = texts.first(ABFS_URI);
    if (abfs.isPresent() && account == null) {
      container = abfs.get().group(1);
      account = abfs.get().group(2);
      folder = emptyToNull(abfs.get().group(3));
    }
    if (account == null) {
      return List.of();
    }
    String verb = texts.first(STORAGE_VERB).map(m -> m.group(1)).orElse("");
    boolean read = verb.equals("GET") || verb.equals("HEAD");
    String role = verb.isEmpty() ? "`Storage Blob Data Reader` (to read) or `Storage Blob Data Contributor` (to write)"
        : read ? "`Storage Blob Data Reader`" : "`Storage Blob Data Contributor`";
    List<String> out = new ArrayList<>();
    out.add("Assign the identity the job uses for storage (its service principal or managed identity) " + role
        + " on container " + Texts.q(container) + " of storage account " + Texts.q(account)
        + (verb.isEmpty() ? "" : ", since the denied request was a " + verb) + ".");
    out.add("If a role is already assigned, check the ACLs"
        + (folder == null ? " on the container's folders" : " on folder " + Texts.q(folder))
        + " (read and execute on every parent folder) and allow a few minutes for new role assignments to apply.");
    return out;
  }

  private static String decode(String s) {
    return s.replace("%3D", "=").replace("%3d", "=").replace("%2F", "/").replace("%2f", "/").replace("%20", " ");
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() || s.equals("/") ? null : s;
  }

  /** The name as SQL: each part backtick-quoted when it is not a plain identifier. */
  private static String sqlName(String name) {
    List<String> parts = Texts.nameParts(name);
    List<String> quoted = new ArrayList<>();
    for (String p : parts) {
      quoted.add(p.matches("[A-Za-z_][A-Za-z0-9_]*") ? p : "`" + p + "`");
    }
    return String.join(".", quoted);
  }
}
