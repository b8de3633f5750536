package dev.aiops.rca.adapter.web.dashboard;

import java.util.Objects;
import java.util.Optional;

/**
 * Who makes a request: a logged-in user (with their session) or an API client holding a key.
 *
 * @param name the name the audit trail records
 * @param role what they may do
 * @param session the browser session; empty for API-key clients, which need no CSRF token
 * @param readOnly whether the caller may only read, whatever its role
 */
record Caller(String name, Role role, Optional<Session> session, boolean readOnly) {

  /**
   * The webhook key reads what an operator reads (incidents, deliveries) and changes nothing: it sits in every
   * sender's configuration, so whoever can send a webhook must not also approve, resolve or replay.
   */
  static final Caller API_KEY = new Caller("api-key", Role.OPERATOR, Optional.empty(), true);
  /** The operator key is automation that approves, resolves and replays, as an operator may. */
  static final Caller OPERATOR_KEY = new Caller("operator-key", Role.OPERATOR, Optional.empty(), false);

  Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(session, "session");
  }

  static Caller of(Session session) {
    return new Caller(session.user(), session.role(), Optional.of(session), false);
  }
}
