package dev.aiops.rca.core.effect;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The idempotency key of one outward effect, one factory per effect.
 *
 * <p>The values are stored: in the effect log, and for a ticket in the tracker, which looks tickets up by it. A
 * changed format would make every stored effect unknown and cause it again, so the formats stay as first written
 * ({@code EffectKeyCompatibilityTest} holds them).
 *
 * @param value the key as stored
 */
public record EffectKey(String value) {

  public EffectKey {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("value must not be blank");
    }
  }

  /** The incident's ticket: {@code rca-<signature short hash>-<incident>}. */
  public static EffectKey ticket(Incident incident) {
    return new EffectKey("rca-" + incident.signature().shortHash() + "-" + incident.id());
  }

  /** The incident's first message: {@code notify-<signature short hash>-<incident>}. */
  public static EffectKey notification(Incident incident) {
    return new EffectKey("notify-" + incident.signature().shortHash() + "-" + incident.id());
  }

  /** The ticket told of a recurrence in {@code run}: {@code recur-ticket-<incident>-<source>:<run>}. */
  public static EffectKey recurrenceOnTicket(IncidentId incident, RunKey run) {
    return new EffectKey("recur-ticket-" + incident + "-" + run);
  }

  /** The message updated with a recurrence in {@code run}: {@code recur-notify-<incident>-<source>:<run>}. */
  public static EffectKey recurrenceOnMessage(IncidentId incident, RunKey run) {
    return new EffectKey("recur-notify-" + incident + "-" + run);
  }

  /** The plan run on its platform: {@code remediate-<incident>-<source>:<run>-<action>}. */
  public static EffectKey remediation(RemediationPlan plan) {
    return remediation(plan.incident(), plan.target(), plan.action());
  }

  /** As {@link #remediation(RemediationPlan)}, for the plan the policy would make for {@code run}. */
  public static EffectKey remediation(IncidentId incident, RunKey run, RemediationAction action) {
    return new EffectKey("remediate-" + incident + "-" + run + "-" + action);
  }

  /**
   * The ticket noted of a remediation the pipeline decided:
   * {@code remediation-note-<incident>-<source>:<run>-<status>}.
   */
  public static EffectKey remediationNote(IncidentId incident, RunKey target, RemediationStatus status) {
    return new EffectKey("remediation-note-" + incident + "-" + target + "-" + status);
  }

  /**
   * The ticket noted of a person's decision on a suggestion, at its outcome's time:
   * {@code remediation-decision-<incident>-<action>-<epoch millis>}.
   */
  public static EffectKey decisionNote(IncidentId incident, RemediationAction action, Instant at) {
    return new EffectKey("remediation-decision-" + incident + "-" + action + "-" + at.toEpochMilli());
  }

  /** The ticket noted of how the run a remediation started ended: {@code remediation-result-<incident>-<run>}. */
  public static EffectKey resultNote(IncidentId incident, RunId newRun) {
    return new EffectKey("remediation-result-" + incident + "-" + newRun);
  }

  /**
   * The ticket noted of the incident's resolution: {@code resolve-note-<incident>}. Caused until the ticket sync
   * (issue 17), which closes the ticket with the note under {@link #ticketClose} instead.
   */
  public static EffectKey resolveNote(IncidentId incident) {
    return new EffectKey("resolve-note-" + incident);
  }

  /**
   * The incident's message redrawn to show {@code shown}: {@code message-update-<incident>-<digest>}. The digest
   * covers what people see, so that the same redraw is made once however often it is retried, and a new state
   * (an outcome, a resolution) is a new redraw.
   */
  public static EffectKey messageUpdate(Notification shown) {
    String seen = String.join("\n", shown.title(), shown.text(), shown.category().name(),
        shown.ticket().map(t -> t.system() + ":" + t.key()).orElse(""), shown.runPageUrl().orElse(""),
        shown.incident().status().name(), Integer.toString(shown.incident().occurrences()), shown.priority().name());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(seen.getBytes(StandardCharsets.UTF_8));
      return new EffectKey("message-update-" + shown.incident().id() + "-"
          + HexFormat.of().formatHex(digest, 0, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The ticket noted that the incident's run recovered: {@code recovery-note-<incident>-<run>}. */
  public static EffectKey recoveryNote(IncidentId incident, RunKey run) {
    return new EffectKey("recovery-note-" + incident + "-" + run);
  }

  /** The incident's ticket closed with its resolution note: {@code ticket-close-<incident>}. */
  public static EffectKey ticketClose(IncidentId incident) {
    return new EffectKey("ticket-close-" + incident);
  }

  @Override
  public String toString() {
    return value;
  }
}
