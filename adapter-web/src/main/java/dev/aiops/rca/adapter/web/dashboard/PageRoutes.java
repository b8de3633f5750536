package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentListing;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.port.in.DecideRemediationCommand;
import dev.aiops.rca.port.in.DecideRemediationUseCase;
import dev.aiops.rca.port.in.IncidentDetails;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.in.ResolveIncidentCommand;
import dev.aiops.rca.port.in.ResolveIncidentResult;
import dev.aiops.rca.port.in.ResolveIncidentUseCase;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * The pages for logged-in people: the incident list, one incident, the confirmation before a remediation runs, and
 * the approve and resolve forms.
 */
final class PageRoutes {

  private final QueryIncidentsUseCase incidents;
  private final DecideRemediationUseCase remediation;
  private final ResolveIncidentUseCase resolver;
  private final IncidentStats stats;
  private final Access access;
  private final ListPage listPage;
  private final IncidentPage incidentPage;

  PageRoutes(QueryIncidentsUseCase incidents, DecideRemediationUseCase remediation, ResolveIncidentUseCase resolver,
      IncidentStats stats, Access access, ListPage listPage, IncidentPage incidentPage) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.remediation = Objects.requireNonNull(remediation, "remediation");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.access = Objects.requireNonNull(access, "access");
    this.listPage = Objects.requireNonNull(listPage, "listPage");
    this.incidentPage = Objects.requireNonNull(incidentPage, "incidentPage");
  }

  void mount(RouteTable table) {
    table.get("/incidents", access.page(Role.VIEWER, this::list), false);
    table.get("/incidents/{id}", access.page(Role.VIEWER, this::incident), false);
    table.get("/incidents/{id}/remediations/{action}/confirm", access.page(Role.OPERATOR, this::confirm), false);
    table.post("/incidents/{id}/remediations/{action}/approve", access.form(Role.OPERATOR, this::approve), false);
    table.post("/incidents/{id}/resolve", access.form(Role.OPERATOR, this::resolve), false);
  }

  private void list(Context ctx, Session session) {
    IncidentQuery filter = Requests.filter(ctx, ListPage.PAGE_SIZE);
    // Bounded so that the offset stays a sane number; a page past the end shows none and links back.
    int page = Requests.intParam(ctx, "page", 1, 1, 1_000_000);
    IncidentListing listing = incidents.page(filter, (long) (page - 1) * ListPage.PAGE_SIZE);
    ctx.html(listPage.render(session, filter, listing, page, stats.compute(filter)));
  }

  private void incident(Context ctx, Session session) {
    Optional<IncidentDetails> details = Requests.incidentId(ctx).flatMap(incidents::details);
    if (details.isEmpty()) {
      ctx.status(404).html("<!DOCTYPE html><title>Not found</title><p>No such incident. <a href=\"/incidents\">"
          + "All incidents</a></p>");
      return;
    }
    ctx.html(incidentPage.render(session, details.get(), flash(ctx)));
  }

  /** A fixed message chosen by a query code, so that a link cannot put words of its own on the page. */
  private static String flash(Context ctx) {
    String resolved = Objects.requireNonNullElse(ctx.queryParam("resolved"), "");
    switch (resolved) {
      case "told":
        return "Incident resolved; its ticket and its message say so.";
      case "untold":
        return "Incident resolved, but the ticket could not be told: see the audit trail.";
      case "already":
        return "The incident was resolved already; nothing changed.";
      default:
        break;
    }
    Optional<RemediationAction> approved = Requests.action(ctx.queryParam("approved"));
    if (approved.isPresent()) {
      return approved.get() + " approved; its outcome is in the remediation history.";
    }
    Optional<RemediationAction> refused = Requests.action(ctx.queryParam("refused"));
    return refused.map(a -> a + " no longer waits for approval; nothing was done.").orElse("");
  }

  /** The confirmation that shows exactly what Approve will run; GET, so that it changes nothing. */
  private void confirm(Context ctx, Session session) {
    Optional<IncidentId> id = Requests.incidentId(ctx);
    Optional<RemediationAction> action = Requests.action(ctx.pathParam("action"));
    Optional<IncidentDetails> details = id.flatMap(incidents::details);
    if (details.isEmpty() || action.isEmpty()) {
      ctx.status(404).html("<!DOCTYPE html><title>Not found</title><p>No such incident or action.</p>");
      return;
    }
    Optional<RemediationOutcome> pending = RemediationSection.pending(details.get(), action.get());
    if (pending.isEmpty()) {
      ctx.status(409).html(ApprovePage.notPending(session, id.get().value(), action.get()));
      return;
    }
    ctx.html(ApprovePage.render(session, details.get().incident(), pending.get()));
  }

  private void approve(Context ctx, Session session) {
    Optional<IncidentId> id = Requests.incidentId(ctx);
    Optional<RemediationAction> action = Requests.action(ctx.pathParam("action"));
    if (id.isEmpty() || action.isEmpty() || incidents.details(id.get()).isEmpty()) {
      ctx.status(404).html("<!DOCTYPE html><title>Not found</title><p>No such incident or action.</p>");
      return;
    }
    if (!"yes".equals(ctx.formParam(ApprovePage.CONFIRMED))) {
      // A form that skipped the confirmation (an old page, a crafted post) is shown what would run first.
      ctx.redirect(ApprovePage.path(id.get().value(), action.get()), HttpStatus.SEE_OTHER);
      return;
    }
    String outcome;
    try {
      remediation.decide(new DecideRemediationCommand(id.get(), action.get(), true, session.user()));
      outcome = "approved";
    } catch (IllegalArgumentException notPending) {
      outcome = "refused";
    }
    ctx.redirect("/incidents/" + id.get().value() + "?" + outcome + "=" + action.get() + "#remediation",
        HttpStatus.SEE_OTHER);
  }

  private void resolve(Context ctx, Session session) {
    Optional<IncidentId> id = Requests.incidentId(ctx);
    if (id.isEmpty() || incidents.details(id.get()).isEmpty()) {
      ctx.status(404).html("<!DOCTYPE html><title>Not found</title><p>No such incident.</p>");
      return;
    }
    ResolveIncidentResult result = resolver.resolve(new ResolveIncidentCommand(id.get(), session.user(),
        Requests.reason(ctx.formParam("reason"))));
    String outcome = !result.changed() ? "already" : result.problems().isEmpty() ? "told" : "untold";
    ctx.redirect("/incidents/" + id.get().value() + "?resolved=" + outcome, HttpStatus.SEE_OTHER);
  }
}
