package dev.aiops.rca.adapter.web.dashboard;

import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in browser.
 *
 * @param id the random 256-bit id its cookie carries
 * @param user who logged in
 * @param role what they may do
 * @param csrfToken the synchronizer token its forms and API POSTs must send back
 * @param created when it logged in
 */
record Session(String id, String user, Role role, String csrfToken, Instant created) {
  Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(created, "created");
  }

  @Override
  public String toString() {
    // The id and the token are credentials.
    return "Session[user=" + user + ", role=" + role + ", created=" + created + "]";
  }
}
