package dev.aiops.rca.app.intake;

import dev.aiops.rca.adapter.adf.AdfFailedRunSource;
import dev.aiops.rca.adapter.adf.AdfWebhook;
import dev.aiops.rca.adapter.adf.AdfWebhooks;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.port.in.HandleFailureUseCase;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an ADF metric alert, which names no run, into the failed runs of its window, each handled (and
 * deduplicated by run) as if it had been delivered alone; every other delivery passes straight through.
 */
public final class AlertWindowExpander implements HandleFailureUseCase {

  private static final Logger LOG = LoggerFactory.getLogger(AlertWindowExpander.class);

  private final HandleFailureUseCase pipeline;
  private final Optional<AdfFailedRunSource> adf;

  public AlertWindowExpander(HandleFailureUseCase pipeline, Optional<AdfFailedRunSource> adf) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.adf = Objects.requireNonNull(adf, "adf");
  }

  @Override
  public HandleFailureResult handle(HandleFailureCommand command) {
    FailureEvent event = command.event();
    if (!AdfWebhookParser.isWindow(event)) {
      return pipeline.handle(command);
    }
    AdfWebhook parsed = AdfWebhooks.parse(event.rawPayload(), event.occurredAt());
    if (!(parsed instanceof AdfWebhook.AlertWindow window)) {
      throw new PermanentPortException("delivery " + command.deliveryId() + " is no longer an alert window");
    }
    AdfFailedRunSource source = adf.orElseThrow(() -> new PermanentPortException("a metric alert names no run, "
        + "and Data Factory is not configured to look them up: set AZURE_SUBSCRIPTION_ID, ADF_RESOURCE_GROUP, "
        + "ADF_FACTORY_NAME and credentials, then replay the delivery"));
    // A failure to ask ARM propagates, so the inbox retries the whole window; runs already handled are duplicates.
    List<FailureEvent> runs = source.failedRunsIn(window);
    LOG.info("alert {} ({} to {}) found {} failed run(s)", window.alertId(), window.windowStart(),
        window.windowEnd(), runs.size());
    for (FailureEvent run : runs) {
      pipeline.handle(new HandleFailureCommand(run, command.deliveryId() + "/" + run.run().runId()));
    }
    return new HandleFailureResult.Skipped(event.run(),
        "alert window expanded into " + runs.size() + " failed run(s)");
  }
}
