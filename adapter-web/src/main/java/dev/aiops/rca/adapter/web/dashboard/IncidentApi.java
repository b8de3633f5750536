package dev.aiops.rca.adapter.web.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.web.support.ErrorBody;
import dev.aiops.rca.adapter.web.support.JsonAnswer;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentListing;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.port.in.DecideRemediationCommand;
import dev.aiops.rca.port.in.DecideRemediationUseCase;
import dev.aiops.rca.port.in.IncidentDetails;
import dev.aiops.rca.port.in.ManageDeliveriesUseCase;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.in.ResolveIncidentCommand;
import dev.aiops.rca.port.in.ResolveIncidentResult;
import dev.aiops.rca.port.in.ResolveIncidentUseCase;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON API under {@code /api} for scripts and the pages' own code, with a session or the API key, and the
 * OpenAPI document at {@code /openapi.json} that describes it.
 */
final class IncidentApi {

  private final QueryIncidentsUseCase incidents;
  private final DecideRemediationUseCase remediation;
  private final ResolveIncidentUseCase resolver;
  private final IncidentStats stats;
  private final Access access;
  private final Optional<String> slackWorkspaceUrl;
  private final Optional<ManageDeliveriesUseCase> deliveries;
  private final ObjectMapper json = new ObjectMapper();

  IncidentApi(QueryIncidentsUseCase incidents, DecideRemediationUseCase remediation, ResolveIncidentUseCase resolver,
      IncidentStats stats, Access access, Optional<String> slackWorkspaceUrl,
      Optional<ManageDeliveriesUseCase> deliveries) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.remediation = Objects.requireNonNull(remediation, "remediation");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.access = Objects.requireNonNull(access, "access");
    this.slackWorkspaceUrl = Objects.requireNonNull(slackWorkspaceUrl, "slackWorkspaceUrl");
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
  }

  void mount(RouteTable table) {
    table.get("/api/incidents", access.api(Role.VIEWER, this::list), true);
    table.get("/api/incidents/{id}", access.api(Role.VIEWER, this::incident), true);
    table.get("/api/incidents/{id}/audit", access.api(Role.VIEWER, this::audit), true);
    table.post("/api/incidents/{id}/remediations/{action}/approve", access.api(Role.OPERATOR, this::approve), true);
    table.post("/api/incidents/{id}/resolve", access.api(Role.OPERATOR, this::resolve), true);
    table.get("/api/stats", access.api(Role.VIEWER, this::stats), true);
    deliveries.ifPresent(inbox -> {
      DeliveryList list = new DeliveryList(inbox);
      DeliveryReplay replay = new DeliveryReplay(inbox);
      table.get("/api/deliveries", access.api(Role.OPERATOR, (ctx, caller) -> list.handle(ctx)), true);
      table.post("/api/deliveries/{id}/replay", access.api(Role.OPERATOR, (ctx, caller) -> replay.handle(ctx)), true);
    });
    byte[] openApi = openApiDocument();
    table.get("/openapi.json", ctx -> {
      Access.secure(ctx);
      ctx.contentType("application/json").result(openApi);
    }, true);
  }

  private void list(Context ctx, Caller caller) {
    int limit = Requests.intParam(ctx, "limit", 50, 1, 200);
    // Offset paging: the store counts and skips in SQL over an index on the listing's order, so every page is
    // reachable and the total is true; pages are of the dashboard's filters, where a cursor buys little.
    int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    IncidentListing page = incidents.page(Requests.filter(ctx, limit), offset);
    JsonAnswer.send(ctx, 200, new JsonViews.IncidentPage(
        page.items().stream().map(JsonViews.IncidentSummary::of).toList(), offset, limit, page.total(),
        page.hasMore()));
  }

  private void incident(Context ctx, Caller caller) {
    Optional<IncidentDetails> details = Requests.incidentId(ctx).flatMap(incidents::details);
    if (details.isEmpty()) {
      notFound(ctx);
      return;
    }
    JsonAnswer.send(ctx, 200, JsonViews.IncidentView.of(details.get(), slackWorkspaceUrl));
  }

  private void audit(Context ctx, Caller caller) {
    Optional<IncidentDetails> details = Requests.incidentId(ctx).flatMap(incidents::details);
    if (details.isEmpty()) {
      notFound(ctx);
      return;
    }
    JsonAnswer.send(ctx, 200, details.get().auditTrail().stream().map(JsonViews.AuditView::of).toList());
  }

  private void approve(Context ctx, Caller caller) {
    Optional<IncidentId> id = Requests.incidentId(ctx);
    if (id.isEmpty() || incidents.details(id.get()).isEmpty()) {
      notFound(ctx);
      return;
    }
    Optional<RemediationAction> action = Requests.action(ctx.pathParam("action"));
    if (action.isEmpty()) {
      JsonAnswer.send(ctx, 400, new ErrorBody("bad_request", "action must be one of "
          + Arrays.toString(RemediationAction.values())));
      return;
    }
    RemediationOutcome outcome;
    try {
      outcome = remediation.decide(new DecideRemediationCommand(id.get(), action.get(), true, caller.name()));
    } catch (IllegalArgumentException notPending) {
      JsonAnswer.send(ctx, 409, new ErrorBody("not_pending", action.get()
          + " does not wait for approval on incident " + id.get()));
      return;
    }
    JsonAnswer.send(ctx, 200, JsonViews.RemediationView.of(outcome));
  }

  private void resolve(Context ctx, Caller caller) {
    Optional<IncidentId> id = Requests.incidentId(ctx);
    if (id.isEmpty() || incidents.details(id.get()).isEmpty()) {
      notFound(ctx);
      return;
    }
    String reason = "";
    if (!ctx.body().isBlank()) {
      JsonNode body;
      try {
        body = json.readTree(ctx.body());
      } catch (JsonProcessingException e) {
        JsonAnswer.send(ctx, 400, new ErrorBody("bad_request", "the body must be JSON such as {\"reason\": \"...\"}"));
        return;
      }
      if (!body.isObject() || (body.has("reason") && !body.get("reason").isTextual())) {
        JsonAnswer.send(ctx, 400, new ErrorBody("bad_request", "reason must be a string"));
        return;
      }
      reason = Requests.reason(body.path("reason").asText(""));
    }
    ResolveIncidentResult result = resolver.resolve(new ResolveIncidentCommand(id.get(), caller.name(), reason));
    JsonAnswer.send(ctx, 200, JsonViews.ResolutionView.of(result));
  }

  private void stats(Context ctx, Caller caller) {
    JsonAnswer.send(ctx, 200, stats.compute(Requests.filter(ctx, 1000)));
  }

  private static void notFound(Context ctx) {
    JsonAnswer.send(ctx, 404, new ErrorBody("not_found", "no such incident: " + ctx.pathParam("id")));
  }

  /** The API's description, with the delivery endpoints when they are served. */
  private byte[] openApiDocument() {
    try {
      ObjectNode document = (ObjectNode) json.readTree(Assets.resource(Assets.HOME + "openapi.json"));
      if (deliveries.isPresent()) {
        ((ObjectNode) document.get("paths")).setAll(
            (ObjectNode) json.readTree(Assets.resource(Assets.HOME + "openapi-deliveries.json")));
      }
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the OpenAPI document", e);
    }
  }
}
