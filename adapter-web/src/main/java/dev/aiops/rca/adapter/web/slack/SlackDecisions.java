package dev.aiops.rca.adapter.web.slack;

import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.in.DecideRemediationCommand;
import dev.aiops.rca.port.in.DecideRemediationUseCase;
import dev.aiops.rca.port.in.IncidentDetails;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.in.RefuseDecisionCommand;
import dev.aiops.rca.port.in.RefuseDecisionUseCase;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on a verified press: an approver's decision runs through the same use case as the dashboard's Approve, so
 * the policy, the audit trail (with the Slack user as actor) and the card's redraw with the outcome are the same;
 * anyone else is refused, audited, and told why in a message only they see.
 */
class SlackDecisions {

  private static final Logger LOG = LoggerFactory.getLogger(SlackDecisions.class);

  private final SlackApprovers approvers;
  private final SlackEmails emails;
  private final QueryIncidentsUseCase incidents;
  private final DecideRemediationUseCase decisions;
  private final RefuseDecisionUseCase refusals;
  private final SlackReplies replies;

  SlackDecisions(SlackApprovers approvers, SlackEmails emails, QueryIncidentsUseCase incidents,
      DecideRemediationUseCase decisions, RefuseDecisionUseCase refusals, SlackReplies replies) {
    this.approvers = Objects.requireNonNull(approvers, "approvers");
    this.emails = Objects.requireNonNull(emails, "emails");
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.decisions = Objects.requireNonNull(decisions, "decisions");
    this.refusals = Objects.requireNonNull(refusals, "refusals");
    this.replies = Objects.requireNonNull(replies, "replies");
  }

  /** Decides, or refuses, as the press asks; never throws, since nobody waits for it. */
  void act(SlackPress press) {
    try {
      Optional<IncidentDetails> details = incidents.details(press.incident());
      if (details.isEmpty()) {
        reply(press, "Incident " + press.incident() + " does not exist here; nothing ran.");
        return;
      }
      Optional<String> refusal = refusal(press);
      if (refusal.isPresent()) {
        refusals.refuse(new RefuseDecisionCommand(press.incident(), press.action(), press.approve(), press.actor(),
            refusal.get()));
        LOG.info("slack {} of {} on incident {} refused: {}", verb(press), press.action(), press.incident(),
            refusal.get());
        reply(press, "You may not " + verb(press) + " remediations from Slack (" + refusal.get()
            + "); nothing ran, and the attempt is in the incident's audit trail.");
        return;
      }
      if (!pending(details.get().remediations(), press)) {
        reply(press, press.action() + " of run " + press.run() + " no longer waits for a decision on incident "
            + press.incident() + "; nothing ran. The card shows what became of it.");
        return;
      }
      RemediationOutcome outcome = decisions.decide(new DecideRemediationCommand(press.incident(), press.action(),
          press.approve(), press.actor()));
      LOG.info("slack {} of {} on incident {} by {}: {}", verb(press), press.action(), press.incident(),
          press.actor(), outcome.status());
    } catch (IllegalArgumentException notPending) {
      // Decided in the moment between the check and the decision (the dashboard, another press).
      reply(press, press.action() + " was decided already on incident " + press.incident() + "; nothing ran.");
    } catch (RuntimeException e) {
      LOG.error("slack {} of {} on incident {} failed", verb(press), press.action(), press.incident(), e);
      reply(press, "The decision could not be taken (" + e.getClass().getSimpleName()
          + "); try again, or use the dashboard.");
    }
  }

  /** Why the presser may not decide, or empty when they may. */
  private Optional<String> refusal(SlackPress press) {
    if (approvers.userIds().contains(press.userId())) {
      return Optional.empty();
    }
    if (!approvers.emails().isEmpty()) {
      try {
        Optional<String> email = emails.email(press.userId());
        if (email.isPresent() && approvers.emails().contains(email.get())) {
          return Optional.empty();
        }
      } catch (PortException e) {
        LOG.warn("slack user {} could not be looked up: {}", press.userId(), e.getMessage());
        return Optional.of("Slack could not tell who you are just now");
      }
    }
    return Optional.of("not among RCA_APPROVERS");
  }

  /** Whether the button's plan is the one that waits: its action's latest outcome is a suggestion for its run. */
  private static boolean pending(List<RemediationOutcome> history, SlackPress press) {
    RemediationOutcome latest = null;
    for (RemediationOutcome outcome : history) {
      if (outcome.plan().action() == press.action()) {
        latest = outcome;
      }
    }
    return latest != null && latest.status() == RemediationStatus.SUGGESTED
        && latest.plan().target().toString().equals(press.run());
  }

  private void reply(SlackPress press, String text) {
    if (!press.responseUrl().isEmpty()) {
      replies.ephemeral(press.responseUrl(), text);
    }
  }

  private static String verb(SlackPress press) {
    return press.approve() ? "approve" : "decline";
  }
}
