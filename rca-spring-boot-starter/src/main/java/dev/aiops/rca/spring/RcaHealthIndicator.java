package dev.aiops.rca.spring;

import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.domain.DeliveryStatus;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** UP with the inbox's counts and the workers alive; DOWN when a worker died or the store cannot be read. */
final class RcaHealthIndicator extends AbstractHealthIndicator {

  private final RcaAssistant assistant;
  private final BooleanSupplier started;

  /** {@code started} tells whether the assistant was started, after which every worker should run. */
  RcaHealthIndicator(RcaAssistant assistant, BooleanSupplier started) {
    super("the RCA assistant's store could not be read");
    this.assistant = assistant;
    this.started = started;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    // A store that cannot be read throws here, and the base class answers DOWN with the exception.
    Map<DeliveryStatus, Long> counts = assistant.deliveries().counts();
    counts.forEach((status, count) -> builder.withDetail("inbox." + status.name().toLowerCase(Locale.ROOT), count));
    int alive = assistant.workers().alive();
    int size = assistant.workers().size();
    builder.withDetail("workers.alive", alive).withDetail("workers", size);
    // Before start none run; once started, fewer than configured means deliveries wait for nobody.
    if (started.getAsBoolean() && alive < size) {
      builder.down().withDetail("reason", (size - alive) + " of " + size + " inbox workers died");
    } else {
      builder.up();
    }
  }
}
