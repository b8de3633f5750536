package dev.aiops.rca.core.remediation;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import java.util.List;
import java.util.Objects;

/** Decides whether an incident may be remediated: only allowlisted actions, for allowlisted categories, capped. */
public final class RemediationPolicy {

  private final RemediationSettings settings;

  public RemediationPolicy(RemediationSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The one action that is safe to repeat on a failed run of this platform. */
  public static RemediationAction actionFor(Source source) {
    return source == Source.DATABRICKS ? RemediationAction.REPAIR_FAILED_TASKS : RemediationAction.RERUN_FROM_FAILURE;
  }

  /**
   * The decision for {@code run}, filed under {@code incident}, given what was already done for it: by the
   * incident's one analysis, which the approval of a suggestion goes by too.
   */
  public RemediationDecision decide(Incident incident, RunKey run, List<RemediationOutcome> history) {
    Category category = incident.analysis().category();
    if (settings.mode() == RemediationSettings.Mode.OFF) {
      return new RemediationDecision.NoRemediation("remediation is off");
    }
    RemediationAction action = actionFor(run.source());
    String refusal = refusal(category, action, history);
    if (!refusal.isEmpty()) {
      return new RemediationDecision.NoRemediation(refusal);
    }
    if (settings.mode() == RemediationSettings.Mode.SUGGEST && isSuggested(action, history)) {
      return new RemediationDecision.NoRemediation(action + " is already suggested and waits for a decision");
    }
    RemediationPlan plan = new RemediationPlan(incident.id(), action, run, List.of(),
        category + " failures are often cured by running the failed part again");
    return settings.mode() == RemediationSettings.Mode.AUTO
        ? new RemediationDecision.Execute(plan)
        : new RemediationDecision.Suggest(plan);
  }

  /** Why {@code action} may not run for {@code incident} now, or empty when it may. */
  public String refusal(Incident incident, RemediationAction action, List<RemediationOutcome> history) {
    return refusal(incident.analysis().category(), action, history);
  }

  private String refusal(Category category, RemediationAction action, List<RemediationOutcome> history) {
    if (!settings.allowedActions().contains(action)) {
      return action + " is not an allowed action";
    }
    if (RemediationSettings.NEVER_REMEDIATED.contains(category)) {
      return "a rerun does not cure " + category + " failures; people must change something first";
    }
    if (!settings.allowedCategories().contains(category)) {
      return category + " is not a category that a rerun cures";
    }
    long attempts = history.stream()
        .filter(o -> o.status() == RemediationStatus.EXECUTED || o.status() == RemediationStatus.FAILED)
        .count();
    if (attempts >= settings.maxAttemptsPerIncident()) {
      return "the incident was remediated " + attempts + " time(s) already, the cap is "
          + settings.maxAttemptsPerIncident();
    }
    return "";
  }

  /** Whether the latest word on {@code action} is a suggestion that nobody has decided on yet. */
  static boolean isSuggested(RemediationAction action, List<RemediationOutcome> history) {
    RemediationStatus latest = null;
    for (RemediationOutcome outcome : history) {
      if (outcome.plan().action() == action) {
        latest = outcome.status();
      }
    }
    return latest == RemediationStatus.SUGGESTED;
  }
}
