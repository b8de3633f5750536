package dev.aiops.rca.port.out;

import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RunKey;
import java.util.List;

/**
 * Keeps the audit trail: what happened to each run and incident, and who did it.
 *
 * <p>Implementations are thread-safe. Every method may throw {@link dev.aiops.rca.port.TransientPortException} when
 * the store cannot be reached.
 */
public interface AuditTrail {

  /** Appends to the audit trail, which is never changed or shortened. */
  void append(AuditEntry entry);

  /** The incident's audit trail, oldest first. */
  List<AuditEntry> auditTrail(IncidentId id);

  /** The run's audit trail, oldest first, including what happened before it had an incident. */
  List<AuditEntry> auditTrail(RunKey run);
}
