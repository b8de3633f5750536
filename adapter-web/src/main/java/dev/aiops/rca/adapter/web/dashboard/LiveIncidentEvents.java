package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.port.in.WatchIncidentsUseCase;
import io.javalin.config.JavalinConfig;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /events}: streams incident changes (SSE) to logged-in browsers, as {@link WatchIncidentsUseCase} reports
 * them. Never throws at the publisher; a client that cannot be written to is dropped (its browser reconnects and
 * re-reads the list).
 */
final class LiveIncidentEvents {

  private static final Logger LOG = LoggerFactory.getLogger(LiveIncidentEvents.class);

  private final Map<SseClient, BooleanSupplier> clients = new ConcurrentHashMap<>();
  private final Sessions sessions;
  private final Access access;

  /** Watches {@code changes} from now on, for as long as the dashboard lives. */
  LiveIncidentEvents(WatchIncidentsUseCase changes, Sessions sessions, Access access) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.access = Objects.requireNonNull(access, "access");
    changes.subscribe(this::publish);
  }

  void mount(JavalinConfig config, RouteTable table) {
    config.routes.before("/events", ctx -> {
      Access.secure(ctx);
      if (access.session(ctx).isEmpty()) {
        ctx.status(401).contentType("text/plain").result("log in first");
        ctx.skipRemainingHandlers();
      }
    });
    config.routes.sse("/events", client -> {
      client.keepAlive();
      String sessionId = client.ctx().cookie(Dashboard.SESSION_COOKIE);
      // The stream ends with its session, at logout or expiry, rather than outliving it.
      // Registers the stream and greets it ("connected"), so the browser can re-read the list for what it missed.
      add(client, () -> sessions.isLive(sessionId));
    });
    table.note("GET", "/events", false);
  }

  private void publish(IncidentChange change) {
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
  private void add(SseClient client, BooleanSupplier allowed) {
    client.onClose(() -> clients.remove(client));
    // The greeting is written under the same lock as the events, before the stream is shared with publishers.
    synchronized (client) {
      clients.put(client, allowed);
      client.sendComment("connected");
    }
  }
}
