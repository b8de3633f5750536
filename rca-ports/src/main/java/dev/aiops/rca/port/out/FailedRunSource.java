package dev.aiops.rca.port.out;

import dev.aiops.rca.domain.AlertWindow;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.PermanentPortException;
import java.time.Instant;
import java.util.List;

/**
 * Fetches the details of a failed run from its platform (Databricks Jobs API, ADF through ARM).
 *
 * <p>Implementations are thread-safe. Reads only: calling {@link #fetch} twice changes nothing on the platform.
 */
public interface FailedRunSource {

  /** The platform this source speaks for. */
  Source source();

  /**
   * The run's state and every task or activity it ran, with their errors.
   *
   * @throws IllegalArgumentException if the event is not from {@link #source()}
   * @throws dev.aiops.rca.port.TransientPortException if the platform is unreachable, throttles or fails
   * @throws dev.aiops.rca.port.PermanentPortException if the credentials are refused or the run does not exist
   */
  FailedRun fetch(FailureEvent event);

  /**
   * The failed runs of an alert's window, as events to handle one by one. A source that cannot search its runs by
   * time refuses.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the platform is unreachable, throttles or fails
   * @throws dev.aiops.rca.port.PermanentPortException if the window cannot be searched with this configuration
   */
  default List<FailureEvent> failedRunsIn(AlertWindow window) {
    throw new PermanentPortException(source() + " cannot search failed runs by alert window");
  }

  /**
   * The runs that ended in failure from {@code from} (inclusive) to {@code to} (exclusive), one event per run, for
   * the reconciliation sweep that finds failures whose webhook never came. Each event is shaped as the platform's
   * webhook would name the run, so that a run seen both ways is the same run. A source that cannot list its runs by
   * time refuses.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the platform is unreachable, throttles or fails
   * @throws dev.aiops.rca.port.PermanentPortException if the runs cannot be listed with this configuration
   */
  default List<FailureEvent> failedRunsBetween(Instant from, Instant to) {
    throw new PermanentPortException(source() + " cannot list its failed runs by time");
  }
}
