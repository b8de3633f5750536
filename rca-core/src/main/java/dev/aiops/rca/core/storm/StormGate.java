package dev.aiops.rca.core.storm;

import dev.aiops.rca.core.notify.Notifiers;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flood control on messages: of the new incidents opening within a minute, the first {@code burst} get a message
 * of their own; past that a storm begins, and each further one is listed on one summary message, posted for the
 * first and redrawn as the list grows, until a minute passes with none. A storm of N incidents thus costs
 * {@code burst} messages, one summary and O(log N) redraws (when the count has doubled, or {@link #REDRAW_EVERY} has
 * passed), plus a last redraw by {@link #flush()}.
 *
 * <p>With several notifiers each posts and redraws a summary of its own, so that one that cannot post now posts its
 * summary when the next incident is listed, without another posting twice.
 *
 * <p>The count is per process: replicas each keep their own. Thread-safe; calls to the notifiers for the summary
 * are made under the gate's lock, so that two workers cannot post two summaries.
 */
public final class StormGate {

  /** How many new incidents a minute get a message each when no burst is configured. */
  public static final int DEFAULT_BURST = 10;
  /** How long a storm's openings are counted over, and how long without one ends it. */
  public static final Duration WINDOW = Duration.ofMinutes(1);
  /** How long a grown summary waits at most for its redraw. */
  public static final Duration REDRAW_EVERY = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(StormGate.class);

  private final Notifiers notifiers;
  private final int burst;
  private final Clock clock;
  /** When each incident of the last minute opened, and whether it got its own message; oldest first. */
  private final Map<IncidentId, Opening> opened = new LinkedHashMap<>();
  private Optional<Storm> storm = Optional.empty();

  /** @param burst how many new incidents a minute get a message of their own */
  public StormGate(Notifier notifier, int burst, Clock clock) {
    this(Notifiers.of(notifier), burst, clock);
  }

  /** @param burst how many new incidents a minute get a message of their own */
  public StormGate(Notifiers notifiers, int burst, Clock clock) {
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be positive, was " + burst);
    }
    this.notifiers = Objects.requireNonNull(notifiers, "notifiers");
    this.burst = burst;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A gate that gives every incident its own message, however many open. */
  public static StormGate unlimited(Notifier notifier, Clock clock) {
    return unlimited(Notifiers.of(notifier), clock);
  }

  /** A gate that gives every incident its own message through each notifier, however many open. */
  public static StormGate unlimited(Notifiers notifiers, Clock clock) {
    return new StormGate(notifiers, Integer.MAX_VALUE, clock);
  }

  /**
   * Counts a new incident's opening, once however often it is asked about.
   *
   * @return true if it gets a message of its own, false if it is to be {@link #list listed} on the storm's summary
   */
  public synchronized boolean admit(IncidentId incident) {
    Instant now = clock.instant();
    forget(now);
    Opening known = opened.get(incident);
    if (known != null) {
      return known.alone();
    }
    if (storm.isPresent() && storm.get().has(incident)) {
      return false;
    }
    boolean alone = storm.isEmpty() && opened.size() < burst;
    opened.put(incident, new Opening(now, alone));
    return alone;
  }

  /**
   * Lists a new incident on the storm's summary of the primary notifier.
   *
   * @see #list(StormSummary.Entry, Notifiers.Named)
   */
  public NotificationRef list(StormSummary.Entry entry) {
    return list(entry, notifiers.primary());
  }

  /**
   * Lists a new incident on the storm's summary of {@code notifier}: posts its summary for the first incident it
   * lists, redraws it when due.
   *
   * @return that notifier's summary message
   * @throws PortException if the summary could not be posted; a redraw that fails is left to a later one
   */
  public synchronized NotificationRef list(StormSummary.Entry entry, Notifiers.Named notifier) {
    Instant now = clock.instant();
    forget(now);
    Storm current = storm.orElseGet(() -> new Storm(now));
    current.add(entry, now);
    storm = Optional.of(current);
    Drawing drawing = current.drawings.get(notifier.name());
    if (drawing == null) {
      NotificationRef posted = notifier.notifier().postSummary(current.summary());
      drawing = new Drawing(notifier, posted);
      drawing.drawn(now, current.count());
      current.drawings.put(notifier.name(), drawing);
    } else if (drawing.redrawDue(now, current.count())) {
      redraw(current, drawing, now);
    }
    return drawing.message;
  }

  /** Redraws each summary that grew since it was last drawn: so that its last entries show without waiting. */
  public synchronized void flush() {
    storm.ifPresent(s -> s.drawings.values().stream()
        .filter(d -> d.drawnCount != s.count())
        .forEach(d -> redraw(s, d, clock.instant())));
  }

  private void redraw(Storm current, Drawing drawing, Instant now) {
    try {
      drawing.notifier.notifier().refreshSummary(drawing.message, current.summary());
      drawing.drawn(now, current.count());
    } catch (PortException e) {
      LOG.warn("storm summary not redrawn by {} ({}); it is redrawn with the next incident or flush",
          drawing.notifier.name(), e.getMessage());
    }
  }

  private void forget(Instant now) {
    Instant cutoff = now.minus(WINDOW);
    opened.values().removeIf(opening -> !opening.at().isAfter(cutoff));
    storm = storm.filter(s -> s.lastListed.isAfter(cutoff));
  }

  private record Opening(Instant at, boolean alone) {}

  /** One storm: the incidents listed, and each notifier's summary message. */
  private static final class Storm {
    final Instant since;
    final List<StormSummary.Entry> named = new ArrayList<>();
    final Set<IncidentId> counted = new HashSet<>();
    final Map<String, Drawing> drawings = new LinkedHashMap<>();
    Instant lastListed;

    Storm(Instant since) {
      this.since = since;
      this.lastListed = since;
    }

    boolean has(IncidentId incident) {
      return counted.contains(incident);
    }

    void add(StormSummary.Entry entry, Instant now) {
      lastListed = now;
      if (counted.add(entry.incident()) && named.size() < StormSummary.MAX_LISTED) {
        named.add(entry);
      }
    }

    int count() {
      return counted.size();
    }

    StormSummary summary() {
      return new StormSummary(since, count(), named);
    }
  }

  /** One notifier's summary message, and when and with how many incidents it was last drawn. */
  private static final class Drawing {
    final Notifiers.Named notifier;
    final NotificationRef message;
    Instant drawnAt;
    int drawnCount;

    Drawing(Notifiers.Named notifier, NotificationRef message) {
      this.notifier = notifier;
      this.message = message;
    }

    boolean redrawDue(Instant now, int count) {
      return count != drawnCount && (count >= 2 * drawnCount || !now.isBefore(drawnAt.plus(REDRAW_EVERY)));
    }

    void drawn(Instant now, int count) {
      drawnAt = now;
      drawnCount = count;
    }
  }
}
