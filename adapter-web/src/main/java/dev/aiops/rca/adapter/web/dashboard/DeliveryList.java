package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.adapter.web.support.JsonAnswer;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.port.in.ManageDeliveriesUseCase;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/deliveries?status=&limit=}: the stored deliveries, newest first, and the count of each status,
 * through {@link ManageDeliveriesUseCase}; what {@code inbox list} shows while the service holds the database.
 */
public final class DeliveryList implements Handler {

  private final ManageDeliveriesUseCase deliveries;

  public DeliveryList(ManageDeliveriesUseCase deliveries) {
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
  }

  @Override
  public void handle(Context ctx) {
    int limit = Requests.intParam(ctx, "limit", 50, 1, 1000);
    Optional<DeliveryStatus> status = Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isBlank())
        .map(DeliveryList::status);
    List<Map<String, Object>> rows = deliveries.list(status, limit).stream().map(DeliveryList::row).toList();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("counts", deliveries.counts());
    answer.put("deliveries", rows);
    JsonAnswer.send(ctx, 200, answer);
  }

  private static DeliveryStatus status(String name) {
    try {
      return DeliveryStatus.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("status must be one of " + List.of(DeliveryStatus.values()) + ", was '"
          + name + "'", e);
    }
  }

  private static Map<String, Object> row(DeliveryEntry entry) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("delivery", entry.deliveryId());
    row.put("status", entry.status().name());
    row.put("receivedAt", entry.receivedAt().toString());
    row.put("attempts", entry.attempts());
    row.put("run", entry.run().orElse(null));
    row.put("lastError", entry.lastError().orElse(null));
    return row;
  }
}
