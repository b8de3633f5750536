package dev.aiops.rca.app.web;

import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.port.out.IncidentEvents;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans incident changes out to the dashboard's open {@code /events} streams. Build one first and hand it both to
 * the services that publish changes and to the {@link Dashboard}. Never throws; a client that cannot be written
 * to is dropped (its browser reconnects and re-reads the list).
 */
public final class LiveIncidentEvents implements IncidentEvents {

  private static final Logger LOG = LoggerFactory.getLogger(LiveIncidentEvents.class);

  private final Map<SseClient, BooleanSupplier> clients = new ConcurrentHashMap<>();

  @Override
  public void publish(IncidentChange change) {
    // Only numbers, an enum name and an ISO instant: nothing here needs JSON escaping.
    String data = "{\"incident\":" + change.incident().value() + ",\"kind\":\"" + change.kind()
        + "\",\"at\":\"" + change.at() + "\"}";
    clients.forEach((client, allowed) -> {
      try {
        if (client.terminated()) {
          clients.remove(client);
        } else if (!allowed.getAsBoolean()) {
          clients.remove(client);
          client.close();
        } else {
          // One writer at a time per stream: the request thread may still be writing its greeting.
          synchronized (client) {
            client.sendEvent("incident", data);
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("dropping a live view that cannot be written to: {}", e.toString());
        clients.remove(client);
      }
    });
  }

  /** Streams changes to {@code client} for as long as {@code allowed} says yes. */
  void add(SseClient client, BooleanSupplier allowed) {
    client.onClose(() -> clients.remove(client));
    // The greeting is written under the same lock as the events, before the stream is shared with publishers.
    synchronized (client) {
      clients.put(client, allowed);
      client.sendComment("connected");
    }
  }
}
