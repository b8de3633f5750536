package dev.aiops.rca.adapter.web.ops;

import dev.aiops.rca.adapter.web.metrics.ServiceMetrics;
import dev.aiops.rca.adapter.web.support.ErrorBody;
import dev.aiops.rca.adapter.web.support.JsonAnswer;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What operators and orchestrators ask: liveness, readiness (started, workers alive, store reachable), the meters
 * at {@code /metrics}, and a plain incident list for a service run without the dashboard.
 */
public final class OperationsRoutes {

  private final QueryIncidentsUseCase incidents;
  private final HttpOperations operations;
  private final BooleanSupplier started;

  /** @param started whether the server listens and is not stopping; readiness answers 503 otherwise */
  public OperationsRoutes(QueryIncidentsUseCase incidents, HttpOperations operations, BooleanSupplier started) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.operations = Objects.requireNonNull(operations, "operations");
    this.started = Objects.requireNonNull(started, "started");
  }

  /** Adds the health and metrics routes. */
  public void mount(JavalinConfig config) {
    config.routes.get("/health/live", ctx -> JsonAnswer.send(ctx, 200, Map.of("status", "UP")));
    config.routes.get("/health/ready", this::ready);
    config.routes.get("/metrics", ctx -> ctx.contentType(ServiceMetrics.contentType())
        .result(operations.metrics().scrape()));
  }

  /** Adds {@code GET /api/incidents}, for a service without the dashboard (whose API owns that path otherwise). */
  public void mountIncidentList(JavalinConfig config) {
    config.routes.get("/api/incidents", this::listIncidents);
  }

  private void ready(Context ctx) {
    if (!started.getAsBoolean()) {
      JsonAnswer.send(ctx, 503, new ErrorBody("starting", "the service is starting or stopping"));
      return;
    }
    int alive = operations.aliveWorkers().getAsInt();
    if (alive < operations.workers()) {
      JsonAnswer.send(ctx, 503, new ErrorBody("workers_stopped", (operations.workers() - alive) + " of "
          + operations.workers() + " inbox workers stopped; webhooks are stored but not processed"));
      return;
    }
    try {
      incidents.list(IncidentQuery.all(1));
      JsonAnswer.send(ctx, 200, Map.of("status", "READY", "workers",
          Map.of("alive", alive, "expected", operations.workers())));
    } catch (PortException e) {
      JsonAnswer.send(ctx, 503, new ErrorBody("store_unavailable", "the incident store cannot be reached"));
    }
  }

  private void listIncidents(Context ctx) {
    int limit;
    try {
      limit = Integer.parseInt(Optional.ofNullable(ctx.queryParam("limit")).orElse("50"));
      IncidentQuery.all(limit);
    } catch (IllegalArgumentException e) {
      JsonAnswer.send(ctx, 400, new ErrorBody("invalid_query", "limit must be a number from 1 to 1000"));
      return;
    }
    List<Map<String, Object>> rows = incidents.list(IncidentQuery.all(limit)).stream()
        .map(OperationsRoutes::row).toList();
    JsonAnswer.send(ctx, 200, Map.of("incidents", rows));
  }

  private static Map<String, Object> row(Incident incident) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", incident.id().value());
    row.put("job", incident.jobName());
    row.put("status", incident.status().name());
    row.put("category", incident.analysis().category().name());
    row.put("occurrences", incident.occurrences());
    row.put("firstRun", incident.firstRun().toString());
    row.put("firstSeen", incident.firstSeen().toString());
    row.put("lastSeen", incident.lastSeen().toString());
    row.put("ticket", incident.ticket().map(t -> t.key()).orElse(null));
    row.put("notified", incident.notification().isPresent());
    return row;
  }
}
