package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.EntityKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the placeholders of catalogue action templates: {@code {table}} or {@code {table|fallback}} takes the
 * first entity of that kind; {@code {task}} and {@code {job}} name the failed task and the job or pipeline.
 */
final class ActionTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(?:\\|([^}]*))?}");

  private ActionTemplates() {}

  static String fill(String template, List<Entity> entities, Map<String, String> names) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String fallback = m.group(2) == null ? "" : m.group(2);
      String value = names.getOrDefault(key, valueOf(key, entities));
      String replacement;
      if (value == null || value.isBlank()) {
        replacement = fallback;
      } else {
        replacement = names.containsKey(key) ? value : "`" + value + "`";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString().replaceAll("\\s{2,}", " ").replace(" )", ")").replace("( ", "(");
  }

  private static String valueOf(String key, List<Entity> entities) {
    EntityKind kind;
    try {
      kind = EntityKind.valueOf(key.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
    return entities.stream().filter(e -> e.kind() == kind).map(Entity::value).findFirst().orElse(null);
  }
}
