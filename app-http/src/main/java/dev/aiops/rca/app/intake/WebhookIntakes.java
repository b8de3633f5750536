package dev.aiops.rca.app.intake;

import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.ReceiveWebhookUseCase;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A stopgap: offers the per-source {@link WebhookIntake}s as the driving port the web side calls, until core
 * implements {@link ReceiveWebhookUseCase} itself; then this class goes.
 */
public final class WebhookIntakes implements ReceiveWebhookUseCase {

  private final Map<Source, WebhookIntake> bySource;

  public WebhookIntakes(Map<Source, WebhookIntake> bySource) {
    this.bySource = new EnumMap<>(bySource);
  }

  @Override
  public IntakeResult receive(Source source, String body, Map<String, String> headers) {
    WebhookIntake intake = bySource.get(source);
    if (intake == null) {
      throw new IllegalArgumentException("no webhook reader for " + source);
    }
    dev.aiops.rca.app.intake.IntakeResult result = intake.receive(body, headers);
    if (result instanceof dev.aiops.rca.app.intake.IntakeResult.Accepted accepted) {
      return new IntakeResult.Accepted(accepted.deliveryId());
    }
    if (result instanceof dev.aiops.rca.app.intake.IntakeResult.Duplicate duplicate) {
      return new IntakeResult.Duplicate(duplicate.deliveryId(), duplicate.reason());
    }
    if (result instanceof dev.aiops.rca.app.intake.IntakeResult.Ignored ignored) {
      return new IntakeResult.Ignored(ignored.reason());
    }
    dev.aiops.rca.app.intake.IntakeResult.Rejected rejected = (dev.aiops.rca.app.intake.IntakeResult.Rejected) result;
    return new IntakeResult.Rejected(rejected.deliveryId(), rejected.reason());
  }

  @Override
  public Set<Source> sources() {
    return Set.copyOf(bySource.keySet());
  }
}
