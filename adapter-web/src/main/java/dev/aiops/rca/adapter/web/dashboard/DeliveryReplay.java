package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.adapter.web.support.JsonAnswer;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.port.in.ManageDeliveriesUseCase;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /api/deliveries/{id}/replay}: makes a stored delivery due again after a fix, through
 * {@link ManageDeliveriesUseCase}. Answers 200 with the delivery's new status, or 404 when there is nothing to replay.
 */
public final class DeliveryReplay implements Handler {

  private final ManageDeliveriesUseCase deliveries;

  public DeliveryReplay(ManageDeliveriesUseCase deliveries) {
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
  }

  @Override
  public void handle(Context ctx) {
    try {
      DeliveryEntry entry = deliveries.replay(ctx.pathParam("id"));
      JsonAnswer.send(ctx, 200, Map.of("delivery", entry.deliveryId(), "status", entry.status().name()));
    } catch (IllegalArgumentException e) {
      JsonAnswer.send(ctx, 404, Map.of("error", "not_found", "reason", e.getMessage()));
    }
  }
}
