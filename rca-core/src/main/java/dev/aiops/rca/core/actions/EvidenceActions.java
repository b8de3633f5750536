package dev.aiops.rca.core.actions;

import dev.aiops.rca.domain.Category;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Computes actions that name what the evidence of a failure shows. Pure and thread-safe. */
public final class EvidenceActions {

  /** At most this many actions are returned: the category's own first, then shape-driven ones. */
  static final int MAX_ACTIONS = 4;

  private EvidenceActions() {}

  /**
   * The evidence-specific actions for the category, most useful first; empty when the evidence names nothing
   * specific. Each action is one sentence with the names it refers to in backticks. Only the first 256 K
   * characters of each text (and of the root line) are read. Data values are never quoted, and an action that
   * would contain something that looks like a credential is dropped.
   *
   * <p>Task details read: {@code timeout_seconds}, keys ending in {@code timeout} (e.g. {@code policy.timeout}),
   * {@code execution_duration}/{@code run_duration}/{@code durationInMs} (ms), {@code run_as_user_name} or
   * {@code run_as.user_name}/{@code run_as.service_principal_name} (the principal to grant to),
   * {@code new_cluster.node_type_id}, {@code existing_cluster_id}, {@code batchCount}, and secret references
   * ({@code {{secrets/scope/key}}}) in any value.
   */
  public static List<String> derive(ActionEvidence evidence) {
    Objects.requireNonNull(evidence, "evidence");
    Texts texts = new Texts(evidence);
    Set<String> actions = new LinkedHashSet<>(forCategory(evidence.category(), texts));
    // The two shape-driven parsers also run for other categories: a column diff or a list of close names helps
    // whatever the category, and both only fire on their documented message shapes.
    if (evidence.category() != Category.SCHEMA_MISMATCH) {
      actions.addAll(SchemaDiff.actions(texts));
    }
    if (evidence.category() != Category.COLUMN_NOT_FOUND) {
      actions.addAll(ClosestNames.actions(texts));
    }
    List<String> out = new ArrayList<>();
    for (String action : actions) {
      if (!Secrets.present(action)) {
        out.add(action);
      }
      if (out.size() == MAX_ACTIONS) {
        break;
      }
    }
    return List.copyOf(out);
  }

  private static List<String> forCategory(Category category, Texts texts) {
    switch (category) {
      case SCHEMA_MISMATCH:
        return SchemaDiff.actions(texts);
      case COLUMN_NOT_FOUND:
        return ClosestNames.actions(texts);
      case TABLE_OR_VIEW_NOT_FOUND:
        return first(ObjectLocation.tableActions(texts), ObjectLocation.fileActions(texts));
      case FILE_NOT_FOUND:
        return first(ObjectLocation.fileActions(texts), ObjectLocation.tableActions(texts));
      case PERMISSION_DENIED:
        return Grants.actions(texts);
      case AUTHENTICATION:
        return Credentials.actions(texts);
      case QUOTA_OR_THROTTLING:
      case CLUSTER_LAUNCH_FAILURE:
        return Quotas.actions(texts);
      case TIMEOUT:
        return TimeLimits.actions(texts);
      case DATA_QUALITY:
        return DataChecks.actions(texts);
      default:
        return List.of();
    }
  }

  private static List<String> first(List<String> preferred, List<String> otherwise) {
    return preferred.isEmpty() ? otherwise : preferred;
  }
}
