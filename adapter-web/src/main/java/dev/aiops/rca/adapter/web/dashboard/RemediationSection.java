package dev.aiops.rca.adapter.web.dashboard;

import static dev.aiops.rca.adapter.web.dashboard.Html.esc;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.time;

import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.port.in.IncidentDetails;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The incident page's remediation: each suggestion waiting for approval, with the exact call it would make and,
 * for operators, a way to the confirmation page ({@link ApprovePage}); then every decision and attempt.
 */
final class RemediationSection {

  private RemediationSection() {}

  /** The suggestion of each action that waits for approval now: the latest outcome of the action is a suggestion. */
  static Optional<RemediationOutcome> pending(IncidentDetails details, RemediationAction action) {
    RemediationOutcome latest = null;
    for (RemediationOutcome outcome : details.remediations()) {
      if (outcome.plan().action() == action) {
        latest = outcome;
      }
    }
    return Optional.ofNullable(latest).filter(o -> o.status() == RemediationStatus.SUGGESTED);
  }

  static String render(Session session, IncidentDetails details) {
    long id = details.incident().id().value();
    StringBuilder b = new StringBuilder("<section id=\"remediation\"><h2>Remediation</h2>");
    Map<RemediationAction, RemediationOutcome> latest = new LinkedHashMap<>();
    for (RemediationOutcome outcome : details.remediations()) {
      latest.put(outcome.plan().action(), outcome);
    }
    boolean any = false;
    for (RemediationOutcome outcome : latest.values()) {
      if (outcome.status() != RemediationStatus.SUGGESTED) {
        continue;
      }
      any = true;
      String action = outcome.plan().action().name();
      b.append("<div class=\"suggestion\" id=\"suggestion-").append(esc(action)).append("\"><h3>Suggested: ")
          .append(esc(action)).append("</h3><p>").append(esc(outcome.plan().reason())).append("</p>")
          .append("<p>It would call:</p><pre class=\"api-call\">").append(esc(outcome.detail())).append("</pre>");
      if (session.role().includes(Role.OPERATOR)) {
        // A link, not a form: approving takes a second step that shows what will run (ApprovePage).
        b.append("<p><a class=\"button approve\" id=\"approve-").append(esc(action)).append("\" href=\"")
            .append(ApprovePage.path(id, outcome.plan().action())).append("\">Approve&hellip;</a></p>");
      } else {
        b.append("<p class=\"hint\">An operator can approve it.</p>");
      }
      b.append("</div>");
    }
    if (!any) {
      b.append("<p>No remediation waits for approval.</p>");
    }
    if (!details.remediations().isEmpty()) {
      b.append("<h3>History</h3><ol class=\"outcomes\" id=\"remediation-outcomes\">");
      for (RemediationOutcome outcome : details.remediations()) {
        b.append("<li class=\"outcome status-").append(esc(outcome.status().name().toLowerCase(Locale.ROOT)))
            .append("\"><time>").append(esc(time(outcome.at()))).append("</time> <strong>")
            .append(esc(outcome.plan().action().name())).append(" ").append(esc(outcome.status().name()))
            .append("</strong>: ").append(esc(outcome.detail()))
            .append(outcome.newRun().map(run -> " (new run " + esc(run.value()) + ")").orElse(""))
            .append("</li>");
      }
      b.append("</ol>");
    }
    return b.append("</section>").toString();
  }
}
