package dev.aiops.rca.port.out;

import dev.aiops.rca.domain.Source;
import java.time.Instant;
import java.util.Optional;

/**
 * What the reconciliation sweep keeps between rounds: a lease, so that of several replicas sharing the store one
 * sweeps per interval, and per platform the time up to which its failed runs were listed.
 *
 * <p>Implementations are thread-safe, and {@link #lease} is atomic also across processes sharing the store.
 *
 * @see dev.aiops.rca.port.TransientPortException thrown by every method when the store cannot be reached
 */
public interface SweepLedger {

  /**
   * Takes the lease {@code name} for {@code holder} until {@code until} if it is free at {@code now}: never taken,
   * or held until {@code now} or earlier. A lease still held is refused to everyone, its holder included, so that
   * one lease is one sweep.
   *
   * @return whether {@code holder} took it
   */
  boolean lease(String name, String holder, Instant now, Instant until);

  /** Up to when the failed runs of {@code source} were listed; empty before its first sweep. */
  Optional<Instant> sweptUntil(Source source);

  /** Records that the failed runs of {@code source} were listed up to {@code until}; an earlier time is ignored. */
  void sweptUntil(Source source, Instant until);
}
