package dev.aiops.rca.core.remediation;

import dev.aiops.rca.domain.RemediationPlan;
import java.util.Objects;

/** What the policy decided for an incident. */
public sealed interface RemediationDecision
    permits RemediationDecision.Suggest, RemediationDecision.Execute, RemediationDecision.NoRemediation {

  /** Propose the plan to people, who approve it. */
  record Suggest(RemediationPlan plan) implements RemediationDecision {
    public Suggest {
      Objects.requireNonNull(plan, "plan");
    }
  }

  /** Run the plan now. */
  record Execute(RemediationPlan plan) implements RemediationDecision {
    public Execute {
      Objects.requireNonNull(plan, "plan");
    }
  }

  /** Nothing to do, and why. */
  record NoRemediation(String reason) implements RemediationDecision {
    public NoRemediation {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
