package dev.aiops.rca.adapter.web;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends connections whose request headers or body take longer than their {@link HttpDeadlines}, however steadily
 * they dribble: Jetty's idle timeout restarts with every byte, so a client sending one byte a second would hold a
 * connection (and, for a body, a request thread) for ever. A sweep looks at each connection's parser a few times
 * per deadline and closes those that stayed too long in one request's header or body phase.
 */
final class SlowClients implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SlowClients.class);

  /** Where a connection's request stood when first seen there. */
  private record Phase(long request, boolean body, long sinceNanos) {
    boolean sameAs(Phase other) {
      return request == other.request && body == other.body;
    }
  }

  private final HttpDeadlines deadlines;
  private final Map<EndPoint, Phase> watched = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "http-deadlines");
    thread.setDaemon(true);
    return thread;
  });

  SlowClients(HttpDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  /** Sets the idle timeout on the server's connectors and starts sweeping their connections. */
  void watch(Server server) {
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof AbstractConnector jetty) {
        jetty.setIdleTimeout(deadlines.idle().toMillis());
      }
    }
    long period = Math.max(50, Math.min(1000, Math.min(deadlines.headers().toMillis(),
        deadlines.body().toMillis()) / 4));
    sweeper.scheduleWithFixedDelay(() -> sweep(server), period, period, TimeUnit.MILLISECONDS);
  }

  private void sweep(Server server) {
    try {
      long now = System.nanoTime();
      Set<EndPoint> open = new HashSet<>();
      for (Connector connector : server.getConnectors()) {
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
          open.add(endPoint);
          check(endPoint, now);
        }
      }
      watched.keySet().retainAll(open);
    } catch (RuntimeException e) {
      // A sweep that failed is tried again at the next tick; the timer must not die of it.
      LOG.warn("sweeping slow HTTP clients failed: {}", e.toString());
    }
  }

  private void check(EndPoint endPoint, long now) {
    if (!(endPoint.getConnection() instanceof HttpConnection connection)) {
      return;
    }
    Optional<Phase> phase = phaseOf(connection.getParser(), connection.getMessagesIn(), now);
    if (phase.isEmpty()) {
      watched.remove(endPoint);
      return;
    }
    Phase was = watched.merge(endPoint, phase.get(), (old, current) -> old.sameAs(current) ? old : current);
    Duration limit = was.body() ? deadlines.body() : deadlines.headers();
    if (now - was.sinceNanos() > limit.toNanos()) {
      watched.remove(endPoint);
      LOG.info("closed the connection from {}: request {} not received within {} s", endPoint.getRemoteSocketAddress(),
          was.body() ? "body" : "headers", limit.toMillis() / 1000.0);
      endPoint.close();
    }
  }

  /** The header phase runs from the request's first byte to its blank line; the body phase from there to its end. */
  private static Optional<Phase> phaseOf(HttpParser parser, long request, long now) {
    HttpParser.State state = parser.getState();
    if (state.ordinal() > HttpParser.State.START.ordinal() && state.ordinal() <= HttpParser.State.HEADER.ordinal()) {
      return Optional.of(new Phase(request, false, now));
    }
    if (parser.inContentState()) {
      return Optional.of(new Phase(request, true, now));
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    watched.clear();
  }
}
