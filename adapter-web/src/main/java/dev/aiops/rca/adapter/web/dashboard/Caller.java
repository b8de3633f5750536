package dev.aiops.rca.adapter.web.dashboard;

import java.util.Objects;
import java.util.Optional;

/**
 * Who makes a request: a logged-in user (with their session) or an API client holding the key.
 *
 * @param name the name the audit trail records
 * @param role what they may do
 * @param session the browser session; empty for API-key clients, which need no CSRF token
 */
record Caller(String name, Role role, Optional<Session> session) {

  /** API-key clients are automation that may approve remediations, as an operator may. */
  static final Caller API_KEY = new Caller("api-key", Role.OPERATOR, Optional.empty());

  Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(session, "session");
  }

  static Caller of(Session session) {
    return new Caller(session.user(), session.role(), Optional.of(session));
  }
}
