package dev.aiops.rca.app.intake;

import dev.aiops.rca.adapter.databricks.DatabricksWebhook;
import dev.aiops.rca.adapter.databricks.DatabricksWebhooks;
import java.time.Instant;

/**
 * Databricks webhooks, read by the Databricks adapter: notification-destination webhooks (job- or task-level,
 * ids as strings or numbers) and the legacy {@code {"event":"on_failure","run_id":..}} shape.
 */
public final class DatabricksWebhookParser implements WebhookParser {

  @Override
  public ParsedWebhook parse(String body, Instant receivedAt) {
    DatabricksWebhook parsed = DatabricksWebhooks.parse(body, receivedAt);
    if (parsed instanceof DatabricksWebhook.Failure failure) {
      return new ParsedWebhook.Failure(failure.event());
    }
    if (parsed instanceof DatabricksWebhook.OtherEvent other) {
      return new ParsedWebhook.Ignored(other.eventType() + " for run " + other.run().runId()
          + " is recorded; only failures are analysed");
    }
    return new ParsedWebhook.Rejected(((DatabricksWebhook.Rejected) parsed).reason());
  }
}
