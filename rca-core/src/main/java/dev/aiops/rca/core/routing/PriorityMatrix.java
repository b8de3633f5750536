package dev.aiops.rca.core.routing;

import dev.aiops.rca.domain.AlertSeverity;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Priority;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides an incident's priority as ITIL does, impact × urgency, then raises it for recurrences and for the Azure
 * alert's severity. The same table is in {@code docs/routing.md}.
 *
 * <p><b>Urgency</b> comes from the job's SLA tier (the {@code RCA_SLA_TAG_KEY} tag mapped by {@code RCA_SLA_TIERS}):
 * tier 1 (gold) high, tier 2 (silver) medium, tier 3 and lower (bronze) low, no SLA tag medium.
 *
 * <p><b>Impact</b> comes from the category. High: a failure a person must fix before any later run can pass, so
 * everything downstream waits (a missing table or column, a schema change, code, permissions, credentials, a missing
 * file, memory, cluster launch, libraries, configuration). Medium: failures that often pass on a retry or are another
 * system's outage (timeout, network, throttling, concurrent writes, an upstream dependency) and failures not yet
 * understood (unknown). Low: the data arrived and a check flagged it (data quality), or a person stopped the run
 * (cancelled).
 *
 * <pre>
 *   urgency \ impact   high   medium   low
 *   high (gold)        P1     P2       P3
 *   medium (silver)    P2     P3       P4
 *   low (bronze)       P3     P4       P4
 * </pre>
 *
 * <p>Then, in this order: from the {@code recurrenceThreshold}-th occurrence the priority rises one step (a failure
 * that keeps coming back is not passing on its own); an alert of severity Sev0 (critical) or Sev1 (error) makes it
 * P1 and Sev2 (warning) at least P3, since the alert rule's author declared how bad the condition is (Azure Monitor
 * severity levels); Sev3 and Sev4 (informational, verbose) change nothing. A route may then set a floor.
 */
public final class PriorityMatrix {

  /** The occurrence from which a recurring failure is one step more urgent, unless configured. */
  public static final int DEFAULT_RECURRENCE_THRESHOLD = 3;

  private static final Set<Category> MEDIUM_IMPACT = EnumSet.of(Category.TIMEOUT, Category.NETWORK,
      Category.QUOTA_OR_THROTTLING, Category.CONCURRENT_MODIFICATION, Category.UPSTREAM_DEPENDENCY,
      Category.UNKNOWN);
  private static final Set<Category> LOW_IMPACT = EnumSet.of(Category.DATA_QUALITY, Category.CANCELLED);

  private static final Priority[][] TABLE = {
    {Priority.P1, Priority.P2, Priority.P3},
    {Priority.P2, Priority.P3, Priority.P4},
    {Priority.P3, Priority.P4, Priority.P4},
  };

  private final int recurrenceThreshold;

  /** @param recurrenceThreshold the occurrence from which the priority rises one step, at least 2 */
  public PriorityMatrix(int recurrenceThreshold) {
    if (recurrenceThreshold < 2) {
      throw new IllegalArgumentException("recurrenceThreshold must be at least 2, was " + recurrenceThreshold);
    }
    this.recurrenceThreshold = recurrenceThreshold;
  }

  public static PriorityMatrix standard() {
    return new PriorityMatrix(DEFAULT_RECURRENCE_THRESHOLD);
  }

  /**
   * The priority of a failure.
   *
   * @param slaTier the job's SLA tier, 1 the most demanding; empty when it has none
   * @param severity the alert's severity, when an alert reported it
   * @param occurrences how many runs failed this way so far, at least 1
   */
  public Priority priority(Optional<Integer> slaTier, Optional<AlertSeverity> severity, Category category,
      int occurrences) {
    int urgency = slaTier.map(tier -> Math.min(Math.max(tier, 1), 3) - 1).orElse(1);
    int impact = LOW_IMPACT.contains(category) ? 2 : MEDIUM_IMPACT.contains(category) ? 1 : 0;
    Priority matrix = TABLE[urgency][impact];
    Priority recurring = occurrences >= recurrenceThreshold ? raise(matrix) : matrix;
    return severity.map(s -> atLeast(recurring, floorOf(s))).orElse(recurring);
  }

  public int recurrenceThreshold() {
    return recurrenceThreshold;
  }

  /** {@code priority}, or {@code floor} when that is more urgent. */
  public static Priority atLeast(Priority priority, Priority floor) {
    return floor.above(priority) ? floor : priority;
  }

  private static Priority floorOf(AlertSeverity severity) {
    switch (severity) {
      case SEV0:
      case SEV1:
        return Priority.P1;
      case SEV2:
        return Priority.P3;
      default:
        return Priority.P4;
    }
  }

  private static Priority raise(Priority priority) {
    return priority == Priority.P1 ? Priority.P1 : Priority.values()[priority.ordinal() - 1];
  }
}
