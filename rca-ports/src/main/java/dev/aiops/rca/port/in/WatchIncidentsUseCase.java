package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.IncidentChange;
import java.util.function.Consumer;

/** Lets live views follow incident changes as they happen (the dashboard's push channel). */
public interface WatchIncidentsUseCase {

  /**
   * Calls {@code listener} with each change from now on, on the thread that made the change, until the
   * subscription is closed. A listener that throws is logged and kept; changes may be dropped, never reordered.
   */
  Subscription subscribe(Consumer<IncidentChange> listener);

  /** A listener's hold on the changes; closing it stops the calls. Closing twice does nothing. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {

    @Override
    void close();
  }
}
