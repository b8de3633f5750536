package dev.aiops.rca.app.web;

import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.port.out.IncidentEvents;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans incident changes out to the dashboard's open {@code /events} streams. Build one first and hand it both to
 * the services that publish changes and to the {@link Dashboard}. Never throws; a client that cannot be written
 * to is dropped (its browser reconnects and re-reads the list).
 */
public final class LiveIncidentEvents implements IncidentEvents {

  private static final Logger LOG = LoggerFactory.getLogger(LiveIncidentEvents.class);

  private final Set<SseClient> clients = new CopyOnWriteArraySet<>();

  @Override
  public void publish(IncidentChange change) {
    // Only numbers, an enum name and an ISO instant: nothing here needs JSON escaping.
    String data = "{\"incident\":" + change.incident().value() + ",\"kind\":\"" + change.kind()
        + "\",\"at\":\"" + change.at() + "\"}";
    for (SseClient client : clients) {
      try {
        if (client.terminated()) {
          clients.remove(client);
        } else {
          client.sendEvent("incident", data);
        }
      } catch (RuntimeException e) {
        LOG.debug("dropping a live view that cannot be written to", e);
        clients.remove(client);
      }
    }
  }

  void add(SseClient client) {
    clients.add(client);
    client.onClose(() -> clients.remove(client));
  }

  int clientCount() {
    return clients.size();
  }
}
