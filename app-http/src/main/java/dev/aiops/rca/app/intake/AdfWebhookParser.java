package dev.aiops.rca.app.intake;

import dev.aiops.rca.adapter.adf.AdfWebhook;
import dev.aiops.rca.adapter.adf.AdfWebhooks;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Azure Data Factory webhooks, read by the ADF adapter: Azure Monitor alerts (Common Alert Schema) and the JSON a
 * pipeline posts itself. A metric alert names no run: it is stored as one alert-window delivery, which a worker
 * later turns into the failed runs of that window (see {@link AlertWindowExpander}).
 */
public final class AdfWebhookParser implements WebhookParser {

  /** The run-id prefix of an alert window waiting to be expanded into runs. */
  static final String WINDOW_PREFIX = "alert-window-";

  @Override
  public ParsedWebhook parse(String body, Instant receivedAt) {
    AdfWebhook parsed = AdfWebhooks.parse(body, receivedAt);
    if (parsed instanceof AdfWebhook.Failures failures) {
      return new ParsedWebhook.Failures(failures.events());
    }
    if (parsed instanceof AdfWebhook.AlertWindow window) {
      // Keyed by the alert and its firing time: the same firing delivered twice is one window.
      RunKey key = RunKey.of(Source.ADF, WINDOW_PREFIX + sha256(window.alertId() + "@" + window.firedAt()));
      String name = window.pipelineName().orElse(window.metricName() + " alert on " + window.factory());
      return new ParsedWebhook.Failure(new FailureEvent(key, window.pipelineName().orElse(""), name,
          window.factory(), window.firedAt(), Optional.empty(), body));
    }
    if (parsed instanceof AdfWebhook.Resolved resolved) {
      return new ParsedWebhook.Ignored("alert " + resolved.alertRule() + " resolved at " + resolved.resolvedAt()
          + " is recorded; nothing to analyse");
    }
    return new ParsedWebhook.Rejected(((AdfWebhook.Rejected) parsed).reason());
  }

  static boolean isWindow(FailureEvent event) {
    return event.source() == Source.ADF && event.run().runId().value().startsWith(WINDOW_PREFIX);
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
