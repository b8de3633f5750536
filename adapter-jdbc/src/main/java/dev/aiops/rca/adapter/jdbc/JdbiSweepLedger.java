package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.SweepLedger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The sweep's lease and watermarks on H2 or PostgreSQL. A lease is taken by inserting its row, or by updating a row
 * whose time has passed: the row lock makes one of several replicas racing for it win, the others finding it held.
 *
 * <p>Thread-safe, and safe to share between replicas on one database.
 */
public final class JdbiSweepLedger implements SweepLedger {

  private final JdbcStore store;

  JdbiSweepLedger(JdbcStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public boolean lease(String name, String holder, Instant now, Instant until) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(until, "until");
    return store.transaction("take lease " + name, h -> {
      int inserted = h.createUpdate("""
              INSERT INTO sweep_leases (name, holder, held_until) VALUES (:name, :holder, :until)
              ON CONFLICT DO NOTHING""")
          .bind("name", name).bind("holder", holder).bind("until", until)
          .execute();
      // A racer that waited for the winner's row lock sees its new time here, and takes nothing.
      return inserted == 1 || h.createUpdate("""
              UPDATE sweep_leases SET holder = :holder, held_until = :until
              WHERE name = :name AND held_until <= :now""")
          .bind("name", name).bind("holder", holder).bind("until", until).bind("now", now)
          .execute() == 1;
    });
  }

  @Override
  public Optional<Instant> sweptUntil(Source source) {
    Objects.requireNonNull(source, "source");
    return store.transaction("read the sweep watermark of " + source, h -> h.createQuery(
            "SELECT swept_until FROM sweep_watermarks WHERE source = :source")
        .bind("source", source.name())
        .map((rs, ctx) -> Rows.instant(rs, "swept_until"))
        .findOne());
  }

  @Override
  public void sweptUntil(Source source, Instant until) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(until, "until");
    store.transaction("move the sweep watermark of " + source, h -> {
      int moved = h.createUpdate(
              "UPDATE sweep_watermarks SET swept_until = :until WHERE source = :source AND swept_until < :until")
          .bind("source", source.name()).bind("until", until)
          .execute();
      if (moved == 0) {
        h.createUpdate("INSERT INTO sweep_watermarks (source, swept_until) VALUES (:source, :until)"
                + " ON CONFLICT DO NOTHING")
            .bind("source", source.name()).bind("until", until)
            .execute();
      }
      return null;
    });
  }
}
