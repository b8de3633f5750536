package dev.aiops.rca.port.out;

import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.DailyFailures;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.IncidentCounts;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentListing;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.TicketRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps run claims, incidents and their occurrences. The audit trail and remediation attempts are kept by
 * {@link AuditTrail} and {@link RemediationLog}, which the same store usually implements alongside.
 *
 * <p>Implementations are thread-safe, and {@link #claim} and {@link #file} are atomic also across processes
 * that share the store. Every method may throw {@link dev.aiops.rca.port.TransientPortException} when the store
 * cannot be reached.
 */
public interface IncidentRepository {

  /**
   * Claims a run for processing on behalf of {@code claimant} (the delivery that carries it). The first claimant
   * of a run gets {@link RunClaim#CLAIMED}, however many deliveries race, and keeps getting it when it asks again,
   * so that a delivery whose processing was interrupted can resume; every other claimant gets
   * {@link RunClaim#ALREADY_CLAIMED}.
   *
   * @param claimant the id of the delivery asking, not blank
   */
  RunClaim claim(RunKey run, String claimant, Instant at);

  /**
   * Files a failed run: adds an occurrence to the open incident with the draft's signature, or opens a new
   * incident when none is open. Filing the same run twice files it once and returns its incident.
   */
  Filing file(IncidentDraft draft);

  Optional<Incident> find(IncidentId id);

  /** Incidents matching the query, newest first. */
  List<Incident> list(IncidentQuery query);

  /**
   * One page of the incidents matching the query, newest first (last seen, then id): up to the query's limit after
   * skipping {@code offset}, with the number that match in all. A page past the end is empty and keeps the total.
   *
   * @param offset how many matching incidents to skip, not negative
   */
  IncidentListing page(IncidentQuery query, long offset);

  /** Counts every incident matching the filter by source, category and status; the filter's limit is ignored. */
  IncidentCounts count(IncidentQuery filter);

  /**
   * The runs filed within {@code [from, to)} under incidents matching the filter (its limit ignored), per UTC day
   * and incident category, ordered by day then category; days and categories without runs are left out.
   */
  List<DailyFailures> failuresPerDay(IncidentQuery filter, Instant from, Instant to);

  /** Records the incident's ticket. @throws IllegalArgumentException if there is no such incident */
  Incident attachTicket(IncidentId id, TicketRef ticket);

  /** Records the incident's notification. @throws IllegalArgumentException if there is no such incident */
  Incident attachNotification(IncidentId id, NotificationRef notification);

  /** Sets the incident's status. @throws IllegalArgumentException if there is no such incident */
  Incident changeStatus(IncidentId id, IncidentStatus status);

  /**
   * Records the incident's assignment (route, owner, priority, runbook), replacing the one it had; idempotent.
   *
   * @throws IllegalArgumentException if there is no such incident
   */
  Incident assign(IncidentId id, Assignment assignment);
}
