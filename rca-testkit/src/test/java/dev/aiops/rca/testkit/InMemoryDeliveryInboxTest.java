package dev.aiops.rca.testkit;

import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.DeliveryInbox;
import dev.aiops.rca.port.out.IncidentRepository;

class InMemoryDeliveryInboxTest implements DeliveryInboxContract {

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryDeliveryInbox inbox = new InMemoryDeliveryInbox(incidents, incidents, clock);

  @Override
  public DeliveryInbox inbox() {
    return inbox;
  }

  @Override
  public IncidentRepository incidents() {
    return incidents;
  }

  @Override
  public AuditTrail audit() {
    return incidents;
  }

  @Override
  public MutableClock clock() {
    return clock;
  }
}
