package dev.aiops.rca.core.remediation;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.RemediationAction;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What remediation the service may do on its own.
 *
 * @param mode off, suggest only (people approve), or run automatically
 * @param allowedActions the actions that may ever run
 * @param allowedCategories the root-cause categories a rerun can cure
 * @param maxAttemptsPerIncident how many times an incident may be remediated, approved or automatic
 */
public record RemediationSettings(
    Mode mode, Set<RemediationAction> allowedActions, Set<Category> allowedCategories, int maxAttemptsPerIncident) {

  /** How far the policy goes without a person. */
  public enum Mode {
    OFF,
    SUGGEST,
    AUTO
  }

  public RemediationSettings {
    Objects.requireNonNull(mode, "mode");
    allowedActions = Set.copyOf(allowedActions);
    allowedCategories = Set.copyOf(allowedCategories);
    if (maxAttemptsPerIncident < 0) {
      throw new IllegalArgumentException("maxAttemptsPerIncident must not be negative, was " + maxAttemptsPerIncident);
    }
  }

  /**
   * Suggest only, for failures that a rerun can cure (the platform or the network, not the code or the data),
   * once per incident.
   */
  public static RemediationSettings defaults() {
    return new RemediationSettings(
        Mode.SUGGEST,
        EnumSet.allOf(RemediationAction.class),
        // Not CLUSTER_LAUNCH_FAILURE: at cluster start it is mostly a core or instance quota, or cloud capacity,
        // which running the tasks again does not create (cloud-codes.tsv maps those codes to it).
        EnumSet.of(
            Category.UPSTREAM_DEPENDENCY,
            Category.NETWORK,
            Category.QUOTA_OR_THROTTLING,
            Category.CONCURRENT_MODIFICATION,
            Category.TIMEOUT),
        1);
  }
}
