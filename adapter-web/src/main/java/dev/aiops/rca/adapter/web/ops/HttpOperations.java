package dev.aiops.rca.adapter.web.ops;

import dev.aiops.rca.adapter.web.metrics.ServiceMetrics;
import dev.aiops.rca.adapter.web.webhook.WebhookLimits;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * What the HTTP face needs for operations: the meters it counts into and serves at {@code /metrics}, the webhook
 * limits, and the inbox workers' liveness for {@code /health/ready}.
 *
 * @param workers how many workers should run
 * @param aliveWorkers how many run now
 */
public record HttpOperations(ServiceMetrics metrics, WebhookLimits limits, int workers, IntSupplier aliveWorkers) {

  public HttpOperations {
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(limits, "limits");
    if (workers < 0) {
      throw new IllegalArgumentException("workers must not be negative, was " + workers);
    }
    Objects.requireNonNull(aliveWorkers, "aliveWorkers");
  }

  /** Fresh meters, the default limits, and no workers to watch (the server runs without an inbox). */
  public static HttpOperations standalone() {
    return new HttpOperations(new ServiceMetrics(), WebhookLimits.defaults(), 0, () -> 0);
  }
}
