package dev.aiops.rca.adapter.web.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-side session store, in memory: sessions end after an idle time, after twelve hours in any case,
 * at logout, and when the service restarts (people log in again; nothing else is lost).
 */
final class Sessions {

  static final Duration MAX_AGE = Duration.ofHours(12);

  private record Entry(Session session, Instant lastSeen) {}

  private final Map<String, Entry> byId = new ConcurrentHashMap<>();
  private final Duration idle;
  private final Clock clock;

  Sessions(Duration idle, Clock clock) {
    this.idle = Objects.requireNonNull(idle, "idle");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  Session create(User user) {
    Instant now = clock.instant();
    byId.values().removeIf(entry -> expired(entry, now));
    Session session = new Session(Tokens.random256(), user.name(), user.role(), Tokens.random256(), now);
    byId.put(session.id(), new Entry(session, now));
    return session;
  }

  /** The live session with this id, which counts as a use of it. */
  Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Entry entry = byId.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    if (expired(entry, now)) {
      byId.remove(id, entry);
      return Optional.empty();
    }
    byId.replace(id, entry, new Entry(entry.session(), now));
    return Optional.of(entry.session());
  }

  /** Whether the session is live, without counting as a use of it. */
  boolean isLive(String id) {
    Entry entry = id == null ? null : byId.get(id);
    return entry != null && !expired(entry, clock.instant());
  }

  void invalidate(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  private boolean expired(Entry entry, Instant now) {
    return !entry.lastSeen().plus(idle).isAfter(now) || !entry.session().created().plus(MAX_AGE).isAfter(now);
  }
}
