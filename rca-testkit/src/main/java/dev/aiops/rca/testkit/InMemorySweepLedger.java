package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.SweepLedger;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Leases and sweep watermarks in memory: one process's replicas can share it. */
public final class InMemorySweepLedger implements SweepLedger {

  private record Held(String holder, Instant until) {}

  private final Map<String, Held> leases = new HashMap<>();
  private final Map<Source, Instant> swept = new EnumMap<>(Source.class);

  @Override
  public synchronized boolean lease(String name, String holder, Instant now, Instant until) {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(until, "until");
    Held held = leases.get(Objects.requireNonNull(name, "name"));
    if (held != null && held.until().isAfter(now)) {
      return false;
    }
    leases.put(name, new Held(holder, until));
    return true;
  }

  @Override
  public synchronized Optional<Instant> sweptUntil(Source source) {
    return Optional.ofNullable(swept.get(Objects.requireNonNull(source, "source")));
  }

  @Override
  public synchronized void sweptUntil(Source source, Instant until) {
    Objects.requireNonNull(until, "until");
    swept.merge(Objects.requireNonNull(source, "source"), until, (old, now) -> now.isAfter(old) ? now : old);
  }

  /** Who holds {@code name} now, or held it last. */
  public synchronized Optional<String> holder(String name) {
    return Optional.ofNullable(leases.get(name)).map(Held::holder);
  }
}
