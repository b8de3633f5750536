package dev.aiops.rca.core.query;

import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.port.in.WatchIncidentsUseCase;
import dev.aiops.rca.port.out.IncidentEvents;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans the changes the services publish out to the live views that watch them. Build one, hand it to the services
 * as their {@link IncidentEvents} and to the views as their {@link WatchIncidentsUseCase}. Never throws.
 */
public final class IncidentBroadcast implements IncidentEvents, WatchIncidentsUseCase {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentBroadcast.class);

  // Copy on write: views come and go rarely, changes are published often and from several threads.
  private final List<Consumer<IncidentChange>> listeners = new CopyOnWriteArrayList<>();

  @Override
  public void publish(IncidentChange change) {
    Objects.requireNonNull(change, "change");
    for (Consumer<IncidentChange> listener : listeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        // A broken view must not fail the pipeline step that made the change, nor starve the other views.
        LOG.warn("a live view failed to take {}: {}", change, e.toString());
      }
    }
  }

  @Override
  public Subscription subscribe(Consumer<IncidentChange> listener) {
    Objects.requireNonNull(listener, "listener");
    // Wrapped, so that a listener subscribed twice is two subscriptions and closing one leaves the other.
    Consumer<IncidentChange> entry = listener::accept;
    listeners.add(entry);
    return () -> listeners.remove(entry);
  }
}
