package dev.aiops.rca.core.actions;

import dev.aiops.rca.domain.EntityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names a missing table or file and where it was looked for: catalog and schema, or container, mount and folder. */
final class ObjectLocation {

  // Table formats parsed:
  // - Spark [TABLE_OR_VIEW_NOT_FOUND] "The table or view <relationName> cannot be found.", legacy
  //   "Table or view not found: <name>", "Table or view '<t>' not found in database '<db>'",
  //   [SCHEMA_NOT_FOUND] "The schema <schemaName> cannot be found.", legacy "Database '<db>' not found",
  //   [CATALOG_NOT_FOUND] "The catalog <catalogName> not found.", Delta [DELTA_TABLE_NOT_FOUND] "Delta table <t>
  //   doesn't exist.".
  // - SQL Server error 208 "Invalid object name '<name>'." (ADF copy and stored-procedure activities).
  // Path formats parsed: Spark [PATH_NOT_FOUND] "Path does not exist: <path>", [FAILED_READ_FILE.FILE_NOT_EXIST]
  // "Encountered error while reading file <path>", java.io.FileNotFoundException, "No such file or directory",
  // Databricks "Notebook not found: <path>", ADF UserErrorSourceBlobNotExist "The required Blob is missing.
  // ContainerName: <c>, ... BlobPrefix|path: <p>"; paths in the abfss://container@account.dfs.core.windows.net,
  // wasbs://, https://account.blob|dfs.core.windows.net/container, dbfs:/mnt/x, /Volumes/c/s/v, s3:// and gs:// forms.

  private enum Dialect { SPARK, SQL_SERVER }

  /** A name pattern, the kind of object it names, and the dialect the name is written in. */
  private record TableRule(Pattern pattern, String kind, Dialect dialect) {}

  private static final List<TableRule> TABLE_RULES = List.of(
      new TableRule(Pattern.compile("The table or view ((?:`[^`\\r\\n]{1,200}`\\.?){1,3}|\\S{1,300}) cannot be found"),
          "table", Dialect.SPARK),
      new TableRule(Pattern.compile("Table or view '([^'\\r\\n]{1,200})' not found in database '([^'\\r\\n]{1,200})'"),
          "table", Dialect.SPARK),
      new TableRule(Pattern.compile("Table or view not found: ([\\w.`-]{1,300})"), "table", Dialect.SPARK),
      new TableRule(Pattern.compile("Delta table ((?:`[^`\\r\\n]{1,200}`\\.?){1,3}|\\S{1,300}) doesn't exist"),
          "table", Dialect.SPARK),
      new TableRule(Pattern.compile("The schema ((?:`[^`\\r\\n]{1,200}`\\.?){1,2}|\\S{1,300}) cannot be found"),
          "schema", Dialect.SPARK),
      new TableRule(Pattern.compile("Database '([^'\\r\\n]{1,200})' not found"), "schema", Dialect.SPARK),
      new TableRule(Pattern.compile("The catalog (`[^`\\r\\n]{1,200}`|\\S{1,300}) (?:is )?not found"),
          "catalog", Dialect.SPARK),
      new TableRule(Pattern.compile("Invalid object name '([^'\\r\\n]{1,300})'"), "table", Dialect.SQL_SERVER));

  private static final List<Pattern> PATH_RULES = List.of(
      Pattern.compile("Path does not exist: (\\S{1,2000})"),
      Pattern.compile("Encountered error while reading file (\\S{1,2000})"),
      Pattern.compile("No such file or directory:? '?([^'\\s]{1,2000})"),
      Pattern.compile("FileNotFoundException:? (?:File )?((?:[a-zA-Z][\\w+.-]{0,20}:)?/\\S{1,2000})"),
      Pattern.compile("Notebook not found: ([^\\r\\n\"]{1,1000}?)(?:\\.\\s|\\.?$|[\\r\\n\"])", Pattern.MULTILINE),
      Pattern.compile("File (\\S{1,2000}) does not exist"),
      Pattern.compile("Unable to access (?:the )?notebook \"?([^\"\\r\\n]{1,1000})\"?"));
  private static final Pattern BLOB_MISSING = Pattern.compile(
      "ContainerName: ([^,\\s]{1,500}),(?: ContainerExist: \\w+,)? (?:BlobPrefix|path): ([^,\\s]{0,1000})");
  private static final Pattern ANY_PATH = Pattern.compile(
      "((?:abfss?|wasbs?|s3a?|s3n|gs|dbfs):/{1,2}[^\\s'\",;)\\]]{1,2000}|/Volumes/[^\\s'\",;)\\]]{1,2000}"
          + "|/dbfs/mnt/[^\\s'\",;)\\]]{1,2000})");
  private static final Pattern AZURE_URI = Pattern.compile(
      "^(abfss?|wasbs?)://([^@/]{1,200})@([a-z0-9]{1,64})\\.(dfs|blob)\\.core\\.windows\\.net(/[^?#]*)?");
  private static final Pattern AZURE_HTTPS = Pattern.compile(
      "^https?://([a-z0-9]{1,64})\\.(dfs|blob)\\.core\\.windows\\.net/([^/?#]{1,200})(/[^?#]*)?");
  private static final Pattern BUCKET_URI = Pattern.compile("^(s3a?|s3n|gs)://([^/]{1,200})(/.*)?");
  private static final Pattern MOUNT = Pattern.compile("^(?:dbfs:)?(?:/dbfs)?(/mnt/[^/]{1,200})(/.*)?");
  private static final Pattern VOLUME = Pattern.compile(
      "^(?:dbfs:)?/Volumes/([^/]{1,200})/([^/]{1,200})/([^/]{1,200})(/.*)?");
  private static final Pattern WORKSPACE = Pattern.compile("^/(?:Workspace|Repos|Users|Shared)(?:/.*)?$");
  private static final Pattern FILES_REPLACED = Pattern.compile("(?i)underlying files have been updated");

  private ObjectLocation() {}

  static List<String> tableActions(Texts texts) {
    for (TableRule rule : TABLE_RULES) {
      Optional<MatchResult> m = texts.first(rule.pattern());
      if (m.isEmpty()) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      if (m.get().groupCount() >= 2) {
        parts.addAll(Texts.nameParts(m.get().group(2)));
      }
      parts.addAll(Texts.nameParts(trimSentenceEnd(m.get().group(1))));
      if (!parts.isEmpty()) {
        return rule.dialect() == Dialect.SQL_SERVER ? sqlServer(parts) : spark(parts, rule.kind());
      }
    }
    return List.of();
  }

  /** Drops the sentence punctuation after a name, keeping the backticks and brackets that quote its parts. */
  private static String trimSentenceEnd(String name) {
    String s = name.strip();
    while (!s.isEmpty() && ".,;:'\"".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static List<String> spark(List<String> parts, String kind) {
    String full = String.join(".", parts);
    String name = parts.get(parts.size() - 1);
    if (kind.equals("catalog")) {
      return List.of("Catalog " + Texts.q(name) + " does not exist in this workspace's metastore or is not bound to"
          + " it: check the catalog name, or that the workspace is assigned to the catalog.");
    }
    if (kind.equals("schema")) {
      if (parts.size() >= 2) {
        return List.of("Schema " + Texts.q(name) + " was looked for in catalog " + Texts.q(parts.get(0))
            + ": check that it exists there (`SHOW SCHEMAS IN " + parts.get(0) + "`) or create it before this task.");
      }
      return List.of("Only the schema name " + Texts.q(name) + " was given, so the current catalog decided where it"
          + " was looked for: qualify it as `<catalog>." + name + "`, or run `USE CATALOG` first.");
    }
    if (parts.size() >= 3) {
      return List.of("Table " + Texts.q(name) + " was looked for in schema " + Texts.q(parts.get(parts.size() - 2))
          + " of catalog " + Texts.q(parts.get(parts.size() - 3)) + ": check that " + Texts.q(full)
          + " exists there (`SHOW TABLES IN " + parts.get(parts.size() - 3) + "." + parts.get(parts.size() - 2)
          + "`) and that the task that creates it ran first.");
    }
    if (parts.size() == 2) {
      return List.of("Table " + Texts.q(name) + " was looked for in schema " + Texts.q(parts.get(0))
          + " of the current catalog (only a 2-part name was given): check that it exists there, or fully qualify it"
          + " as `<catalog>." + full + "`.");
    }
    return List.of("Only the 1-part name " + Texts.q(name) + " was given, so the current catalog and schema decided"
        + " where it was looked for: fully qualify it as `<catalog>.<schema>." + name + "`, or set `USE CATALOG` and"
        + " `USE SCHEMA` before the query, and check that the task that creates it ran first.");
  }

  private static List<String> sqlServer(List<String> parts) {
    String name = parts.get(parts.size() - 1);
    if (parts.size() >= 2) {
      String schema = parts.get(parts.size() - 2);
      String database = parts.size() >= 3 ? " of database " + Texts.q(parts.get(parts.size() - 3))
          : " of the database the connection opens";
      return List.of("Object " + Texts.q(name) + " was looked for in schema " + Texts.q(schema) + database
          + " (SQL Server error 208): check that it exists there and that the linked service points at that"
          + " database, or create it before the load.");
    }
    return List.of("Only the 1-part name " + Texts.q(name) + " was given, so SQL Server looked for it in the login's"
        + " default schema (usually `dbo`): qualify it with its schema, and check it exists in the database the"
        + " linked service connects to.");
  }

  static List<String> fileActions(Texts texts) {
    List<String> out = new ArrayList<>();
    Optional<MatchResult> blob = texts.first(BLOB_MISSING);
    if (blob.isPresent()) {
      out.add(blobMissing(blob.get().group(1), Texts.trimPunctuation(blob.get().group(2))));
    } else {
      pathFromMessage(texts).map(ObjectLocation::describe).ifPresent(out::add);
    }
    if (!out.isEmpty() && texts.has(FILES_REPLACED)) {
      out.add("The files were replaced while this query read them (a concurrent overwrite of the table): re-run"
          + " after the writer finishes, run `REFRESH TABLE` on the table the query reads, and avoid overwriting a"
          + " table other jobs read at the same time.");
    }
    return out;
  }

  private static Optional<String> pathFromMessage(Texts texts) {
    for (Pattern rule : PATH_RULES) {
      Optional<MatchResult> m = texts.first(rule);
      if (m.isPresent()) {
        String path = Texts.trimPunctuation(m.get().group(1));
        if (path.contains("/")) {
          return Optional.of(path);
        }
      }
    }
    List<String> paths = texts.entities(EntityKind.PATH);
    if (!paths.isEmpty()) {
      return Optional.of(Texts.trimPunctuation(paths.get(0)));
    }
    return texts.first(ANY_PATH).map(m -> Texts.trimPunctuation(m.group(1)));
  }

  private static String blobMissing(String container, String prefix) {
    Matcher https = AZURE_HTTPS.matcher(container + "/");
    String where;
    if (https.find()) {
      where = "container " + Texts.q(https.group(3)) + " of storage account " + Texts.q(https.group(1));
    } else {
      where = "container " + Texts.q(container);
    }
    if (prefix.isEmpty() || prefix.equals(container) || prefix.equals(container + "/")) {
      return "Nothing was found in " + where + ": check that the container exists in the storage account the"
          + " linked service points at, and the dataset's container name.";
    }
    return "No blob matched prefix " + Texts.q(prefix) + " in " + where + ": check the dataset's folder and file"
        + " name (and any wildcard or date parameters), and that the upstream step wrote the files there.";
  }

  /** One sentence naming where a path lives and which folder to check. */
  static String describe(String path) {
    String parent = parent(path);
    Matcher azure = AZURE_URI.matcher(path);
    if (azure.find()) {
      String dir = azure.group(5) == null ? "/" : azure.group(5);
      return "Check that " + Texts.q(dir) + " exists in container " + Texts.q(azure.group(2)) + " of storage account "
          + Texts.q(azure.group(3)) + " (" + azure.group(1) + "), starting with its parent folder " + Texts.q(parent)
          + ".";
    }
    Matcher https = AZURE_HTTPS.matcher(path);
    if (https.find()) {
      String dir = https.group(4) == null ? "/" : https.group(4);
      return "Check that " + Texts.q(dir) + " exists in container " + Texts.q(https.group(3))
          + " of storage account " + Texts.q(https.group(1)) + ", starting with its parent folder " + Texts.q(parent)
          + ".";
    }
    Matcher volume = VOLUME.matcher(path);
    if (volume.find()) {
      return "Check that " + Texts.q(path) + " exists in volume " + Texts.q(volume.group(1) + "." + volume.group(2)
          + "." + volume.group(3)) + " (catalog " + Texts.q(volume.group(1)) + ", schema " + Texts.q(volume.group(2))
          + "), starting with its parent folder " + Texts.q(parent) + ".";
    }
    Matcher mount = MOUNT.matcher(path);
    if (mount.find()) {
      return "Check that mount " + Texts.q(mount.group(1)) + " exists and points at the intended container"
          + " (`dbutils.fs.mounts()`), then that " + Texts.q(path) + " exists in its parent folder "
          + Texts.q(parent) + ".";
    }
    Matcher bucket = BUCKET_URI.matcher(path);
    if (bucket.find()) {
      return "Check that " + Texts.q(path) + " exists in bucket " + Texts.q(bucket.group(2)) + " (" + bucket.group(1)
          + "), starting with its parent folder " + Texts.q(parent) + ".";
    }
    if (path.startsWith("dbfs:")) {
      return "Check that " + Texts.q(path) + " exists in DBFS, starting with its parent folder " + Texts.q(parent)
          + ".";
    }
    if (WORKSPACE.matcher(path).matches() || !path.contains(":")) {
      return "Check that " + Texts.q(path) + " exists in the workspace under " + Texts.q(parent) + " and is the path"
          + " the task or activity is configured with (for `/Repos` paths, that the repo is checked out on the"
          + " expected branch).";
    }
    return "Check that " + Texts.q(path) + " exists, starting with its parent folder " + Texts.q(parent) + ".";
  }

  /** The folder to check: the part before the last segment, or before the first wildcard segment. */
  static String parent(String path) {
    String p = path;
    int wildcard = indexOfAny(p, "*?{[");
    if (wildcard >= 0) {
      p = p.substring(0, wildcard);
      int slash = p.lastIndexOf('/');
      return slash > 0 ? p.substring(0, slash) : p;
    }
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.lastIndexOf('/');
    if (slash <= 0 || p.substring(0, slash).endsWith(":/") || p.substring(0, slash).endsWith(":")) {
      return p;
    }
    return p.substring(0, slash);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
