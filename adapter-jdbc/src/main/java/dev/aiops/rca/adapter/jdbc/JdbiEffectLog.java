package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.domain.Effect;
import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.port.out.EffectLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The effect log (outbox) on H2 or PostgreSQL: one row per idempotency key, PENDING until marked DONE. */
public final class JdbiEffectLog implements EffectLog {

  private static final String COLUMNS = "idempotency_key, kind, incident_id, state, reference, intended_at, done_at";

  private final JdbcStore store;

  JdbiEffectLog(JdbcStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public Effect intend(String idempotencyKey, EffectKind kind, IncidentId incident, Instant at) {
    Effect intended = Effect.intended(idempotencyKey, kind, incident, at);
    return store.transaction("record effect " + idempotencyKey, h -> {
      h.createUpdate("""
              INSERT INTO effects (idempotency_key, kind, incident_id, state, intended_at)
              VALUES (:key, :kind, :incident, 'PENDING', :at)
              ON CONFLICT DO NOTHING""")
          .bind("key", idempotencyKey).bind("kind", kind.name()).bind("incident", incident.value()).bind("at", at)
          .execute();
      return find(h, intended.idempotencyKey()).orElseThrow();
    });
  }

  @Override
  public Effect markDone(String idempotencyKey, String reference, Instant at) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(at, "at");
    return store.transaction("mark effect " + idempotencyKey + " done", h -> {
      // Only a pending effect changes, so that the first reference stays.
      h.createUpdate("""
              UPDATE effects SET state = 'DONE', reference = :reference, done_at = :at
              WHERE idempotency_key = :key AND state = 'PENDING'""")
          .bind("key", idempotencyKey).bind("reference", reference).bind("at", at)
          .execute();
      return find(h, idempotencyKey)
          .orElseThrow(() -> new IllegalArgumentException("no effect " + idempotencyKey));
    });
  }

  @Override
  public Optional<Effect> find(String idempotencyKey) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    return store.transaction("find effect " + idempotencyKey, h -> find(h, idempotencyKey));
  }

  private static Optional<Effect> find(Handle h, String key) {
    return h.createQuery("SELECT " + COLUMNS + " FROM effects WHERE idempotency_key = :key")
        .bind("key", key)
        .map((rs, ctx) -> effect(rs))
        .findOne();
  }

  @Override
  public List<Effect> pending(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    return store.transaction("pending effects", h -> h.createQuery(
            "SELECT " + COLUMNS + " FROM effects WHERE state = 'PENDING' ORDER BY intended_at, idempotency_key"
                + " LIMIT :limit")
        .bind("limit", limit)
        .map((rs, ctx) -> effect(rs))
        .list());
  }

  private static Effect effect(ResultSet rs) throws SQLException {
    return new Effect(rs.getString("idempotency_key"), EffectKind.valueOf(rs.getString("kind")),
        new IncidentId(rs.getLong("incident_id")), EffectState.valueOf(rs.getString("state")),
        Rows.optionalString(rs, "reference"), Rows.instant(rs, "intended_at"), Rows.optionalInstant(rs, "done_at"));
  }
}
