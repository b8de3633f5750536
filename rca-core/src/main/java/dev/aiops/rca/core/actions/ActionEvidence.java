package dev.aiops.rca.core.actions;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Entity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What evidence-derived actions are computed from.
 *
 * @param category the decided category
 * @param rootLine the root-cause line (may be empty)
 * @param texts every error text of the failed task, whole: message, trace, logs, state messages
 * @param entities names already extracted (TABLE, COLUMN, PATH, CONFIG_KEY, HOST, ERROR_CODE ...)
 * @param taskDetails flattened task or activity settings, e.g. {@code timeout_seconds -> 3600},
 *     {@code policy.timeout -> 0.02:00:00}, {@code run_as_user_name -> etl@contoso.com}
 * @param taskName the failed task key or activity name (may be empty)
 */
public record ActionEvidence(
    Category category,
    String rootLine,
    List<String> texts,
    List<Entity> entities,
    Map<String, String> taskDetails,
    String taskName) {

  public ActionEvidence {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(rootLine, "rootLine");
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(entities, "entities");
    Objects.requireNonNull(taskDetails, "taskDetails");
    Objects.requireNonNull(taskName, "taskName");
    texts = List.copyOf(texts);
    entities = List.copyOf(entities);
    taskDetails = Map.copyOf(taskDetails);
  }
}
