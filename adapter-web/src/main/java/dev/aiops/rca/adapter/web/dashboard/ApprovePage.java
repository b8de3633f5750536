package dev.aiops.rca.adapter.web.dashboard;

import static dev.aiops.rca.adapter.web.dashboard.Html.esc;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.document;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.hidden;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.Source;
import java.util.List;
import java.util.Optional;

/**
 * The step between Approve and the run: the exact action, target run and job, the tasks it touches, the workspace
 * or factory, and the call it makes, with a button that runs it and a way back that runs nothing. A page of its
 * own rather than a script dialog, so that it works under the Content-Security-Policy and without script.
 */
final class ApprovePage {

  /** The form field that says the person saw this page; the approve form without it leads here instead. */
  static final String CONFIRMED = "confirmed";

  private ApprovePage() {}

  static String path(long incident, RemediationAction action) {
    return "/incidents/" + incident + "/remediations/" + action.name() + "/confirm";
  }

  static String render(Session session, Incident incident, RemediationOutcome suggestion) {
    RemediationPlan plan = suggestion.plan();
    long id = incident.id().value();
    String back = "/incidents/" + id + "#remediation";
    StringBuilder b = new StringBuilder("<main class=\"confirm\">");
    b.append("<p><a href=\"").append(esc(back)).append("\">&larr; Incident #").append(id).append("</a></p>")
        .append("<h1>Run ").append(esc(plan.action().name())).append("?</h1>")
        .append("<p class=\"what\" id=\"confirm-what\">").append(esc(describe(plan))).append("</p>")
        .append("<dl class=\"facts\" id=\"confirm-facts\">")
        .append(fact("confirm-action", "Action", plan.action().name()))
        .append(fact("confirm-incident", "Incident", "#" + id + " " + incident.jobName()))
        .append(fact("confirm-job", "Job", incident.jobName()))
        .append(fact("confirm-target", "Target run", plan.target().toString()))
        .append(fact("confirm-tasks", plan.action() == RemediationAction.RERUN_FROM_FAILURE ? "Activities" : "Tasks",
            tasks(plan)))
        .append(fact("confirm-where", "Where", where(incident, plan)))
        .append(fact("confirm-reason", "Why", plan.reason()))
        .append("</dl><p>It will call:</p><pre class=\"api-call\" id=\"confirm-call\">")
        .append(esc(suggestion.detail())).append("</pre>")
        .append("<form method=\"post\" action=\"/incidents/").append(id).append("/remediations/")
        .append(esc(plan.action().name())).append("/approve\" class=\"confirm-form\" id=\"confirm-form\">")
        .append(hidden("csrf", session.csrfToken())).append(hidden(CONFIRMED, "yes"))
        .append("<button type=\"submit\" class=\"approve\" id=\"confirm-approve\">Run it</button> ")
        .append("<a href=\"").append(esc(back)).append("\" id=\"confirm-cancel\" class=\"button\">Cancel</a>")
        .append("</form></main>");
    return document("Approve " + plan.action().name() + " for incident #" + id, "confirm", Optional.of(session),
        b.toString(), List.of());
  }

  /** The page when the action no longer waits: nothing to confirm. */
  static String notPending(Session session, long incident, RemediationAction action) {
    return document("Nothing to approve", "confirm", Optional.of(session), "<main class=\"confirm\"><h1>Nothing "
        + "to approve</h1><p id=\"confirm-none\">" + esc(action.name()) + " does not wait for approval on incident #"
        + incident + ".</p><p><a href=\"/incidents/" + incident + "#remediation\">Back to the incident</a></p></main>",
        List.of());
  }

  private static String describe(RemediationPlan plan) {
    String run = plan.target().runId().value();
    if (plan.action() == RemediationAction.RERUN_FROM_FAILURE) {
      return "Reruns Data Factory pipeline run " + run + " from its failed activities, as a recovery run in the "
          + "same group: activities that succeeded are not run again.";
    }
    return "Repairs Databricks run " + run + ": only its failed tasks (and the tasks that depend on them) run "
        + "again, in the same run.";
  }

  private static String tasks(RemediationPlan plan) {
    if (!plan.tasks().isEmpty()) {
      return String.join(", ", plan.tasks());
    }
    return plan.action() == RemediationAction.RERUN_FROM_FAILURE
        ? "every failed activity, and those after it" : "every failed task";
  }

  private static String where(Incident incident, RemediationPlan plan) {
    Optional<String> known = plan.target().equals(incident.firstRun()) ? RunPages.where(incident) : Optional.empty();
    return known.orElse(plan.target().source() == Source.ADF
        ? "the data factory the service is configured with" : "the Databricks workspace the service is configured with");
  }

  private static String fact(String id, String name, String value) {
    return "<dt>" + esc(name) + "</dt><dd id=\"" + id + "\">" + esc(value) + "</dd>";
  }
}
