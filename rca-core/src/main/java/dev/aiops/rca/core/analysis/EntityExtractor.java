package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.EntityKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the concrete names a ticket should carry: tables, columns, paths, hosts, codes, settings. */
final class EntityExtractor {

  private static final int PER_KIND = 5;

  /** A pattern whose group 1 (or the whole match) is an entity of a kind. */
  private record Rule(EntityKind kind, Pattern pattern) {}

  private static final List<Rule> RULES = List.of(
      rule(EntityKind.TABLE, "((?:`[^`\\s]+`\\.){1,2}`[^`\\s]+`)"),
      rule(EntityKind.TABLE, "Table or view not found: ([\\w.`]+)"),
      rule(EntityKind.TABLE, "Invalid object name '([^']+)'"),
      rule(EntityKind.TABLE, "(?:saveAsTable|table|insertInto|MERGE INTO|FROM)\\(?\\s*[\"'`]?((?:[\\w]+\\.){1,2}[\\w]+)[\"'`]?"),
      rule(EntityKind.TABLE, "(?:Catalog|Schema|Table|Database) '([\\w.]+)'"),
      rule(EntityKind.TABLE, "UnresolvedRelation \\[([^\\]]+)\\]"),
      rule(EntityKind.COLUMN, "name `([^`]+)` cannot be resolved"),
      rule(EntityKind.COLUMN, "Invalid column name '([^']+)'"),
      rule(EntityKind.COLUMN, "Column '([^']+)'"),
      rule(EntityKind.COLUMN, "Column: \\[([^\\]]+)\\]"),
      rule(EntityKind.COLUMN, "CAST\\((\\w+) AS"),
      rule(EntityKind.COLUMN, "property '(\\w+)' doesn't exist"),
      rule(EntityKind.PATH, "((?:abfss?|wasbs?|s3a?|s3n|gs|dbfs|adl|file):/{1,2}[^\\s'\",;)\\]]+)"),
      rule(EntityKind.PATH, "(?<![\\w.])(/(?:Workspace|Repos|Users|Shared|Volumes|FileStore|mnt|dbfs|Path)/[^'\",;)\\]\\n]*[^\\s'\",;.)\\]])"),
      rule(EntityKind.PATH, "File \"([^\"]+)\""),
      rule(EntityKind.PATH, "BlobPrefix: ([^,\\s]+)"),
      rule(EntityKind.PATH, "ContainerName: ([^,\\s]+)"),
      rule(EntityKind.PATH, "Path: '([^']+)'"),
      rule(EntityKind.LINE, "(line \\d+)"),
      rule(EntityKind.NOTEBOOK, "File \"[^\"]*/([^/\"]+\\.py)\""),
      rule(EntityKind.NOTEBOOK, "([\\w.-]+\\.py):\\d+"),
      rule(EntityKind.ERROR_CLASS, "\\[([A-Z][A-Z0-9_]{3,}(?:\\.[A-Z0-9_]+)?)\\]"),
      rule(EntityKind.ERROR_CLASS, "\\b((?!Py4JJava)[A-Z]\\w*(?:Exception|Error))\\b"),
      rule(EntityKind.SQLSTATE, "SQLSTATE:?\\s*([0-9A-Z]{5})"),
      rule(EntityKind.ERROR_CODE, "\\b(AADSTS\\d+)"),
      rule(EntityKind.ERROR_CODE, "azure_error_code: (\\w+)"),
      rule(EntityKind.ERROR_CODE, "Error Code: ([A-Z_]+)"),
      rule(EntityKind.ERROR_CODE, "\"error\":\"(\\w+)\""),
      rule(EntityKind.ERROR_CODE, "\\b([A-Z]+(?:_[A-Z]+)+): "),
      rule(EntityKind.ERROR_CODE, "(?:HTTP(?: Error)?|code:?|status(?: code)?:?|Error)\\s+([45]\\d\\d)\\b"),
      rule(EntityKind.ERROR_CODE, "\\(([45]\\d\\d)\\)"),
      rule(EntityKind.ERROR_CODE, "\",\\s*([45]\\d\\d),"),
      rule(EntityKind.SECRET_SCOPE, "scope:? '?([\\w.-]+)'?"),
      rule(EntityKind.CONFIG_KEY, "(?<![\\w.])(spark\\.[a-z]\\w*(?:\\.[a-zA-Z]\\w*)+)"),
      rule(EntityKind.CONFIG_KEY, "\\b(mergeSchema|base_parameters|timeout_seconds)\\b"),
      rule(EntityKind.HOST, "host ([\\w.-]+), port (?:\\d+)"),
      rule(EntityKind.HOST, "Account: '([\\w-]+)'"),
      rule(EntityKind.HOST, "\\b([a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:net|com|org|io|cloud))\\b"));

  private EntityExtractor() {}

  private static Rule rule(EntityKind kind, String regex) {
    return new Rule(kind, Pattern.compile(regex));
  }

  /** Entities in the texts, most relevant first; the platform codes come first among error codes. */
  static List<Entity> extract(List<String> texts, Set<String> codes) {
    Map<EntityKind, Set<String>> found = new EnumMap<>(EntityKind.class);
    for (String code : codes) {
      add(found, EntityKind.ERROR_CODE, code);
    }
    for (String text : texts) {
      for (Rule rule : RULES) {
        Matcher m = rule.pattern().matcher(text);
        while (m.find()) {
          add(found, rule.kind(), m.groupCount() >= 1 ? m.group(1) : m.group());
        }
      }
    }
    List<Entity> entities = new ArrayList<>();
    found.forEach((kind, values) -> values.forEach(v -> entities.add(new Entity(kind, v))));
    return entities;
  }

  private static void add(Map<EntityKind, Set<String>> found, EntityKind kind, String raw) {
    if (raw == null) {
      return;
    }
    String value = kind == EntityKind.TABLE ? raw.replace("`", "").replace(", ", ".") : raw;
    value = value.strip();
    if (value.isEmpty() || value.length() > 300) {
      return;
    }
    Set<String> values = found.computeIfAbsent(kind, k -> new LinkedHashSet<>());
    if (values.size() < PER_KIND) {
      values.add(value);
    }
  }
}
