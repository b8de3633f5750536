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

  /**
   * The categories no remediation is ever offered or run for, whatever the settings say: running the same thing
   * again cannot cure capacity or quota at cluster start, configuration, permissions, credentials, code or data.
   */
  public static final Set<Category> NEVER_REMEDIATED = Set.copyOf(EnumSet.of(
      Category.CLUSTER_LAUNCH_FAILURE,
      Category.CONFIGURATION,
      Category.LIBRARY_INSTALLATION,
      Category.PERMISSION_DENIED,
      Category.AUTHENTICATION,
      Category.CODE_ERROR,
      Category.SYNTAX_ERROR,
      Category.DATA_QUALITY,
      Category.SCHEMA_MISMATCH,
      Category.COLUMN_NOT_FOUND,
      Category.TABLE_OR_VIEW_NOT_FOUND));

  /** Every category but the {@link #NEVER_REMEDIATED}: the widest allowlist the settings accept. */
  public static Set<Category> curableCategories() {
    Set<Category> curable = EnumSet.allOf(Category.class);
    curable.removeAll(NEVER_REMEDIATED);
    return Set.copyOf(curable);
  }

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
    Set<Category> refused = EnumSet.noneOf(Category.class);
    allowedCategories.stream().filter(NEVER_REMEDIATED::contains).forEach(refused::add);
    if (!refused.isEmpty()) {
      throw new IllegalArgumentException("a rerun does not cure " + refused + "; they cannot be allowed");
    }
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
        // Not CLUSTER_LAUNCH_FAILURE (NEVER_REMEDIATED): at cluster start it is mostly a core or instance quota,
        // or cloud capacity, which running the tasks again does not create (cloud-codes.tsv maps those codes to it).
        EnumSet.of(
            Category.UPSTREAM_DEPENDENCY,
            Category.NETWORK,
            Category.QUOTA_OR_THROTTLING,
            Category.CONCURRENT_MODIFICATION,
            Category.TIMEOUT),
        1);
  }
}
