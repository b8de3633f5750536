package dev.aiops.rca.domain;

import java.util.Objects;

/**
 * A ticket in an issue tracker.
 *
 * @param system the tracker: {@code builtin}, {@code jira}, {@code servicenow} ...
 * @param key the tracker's key, such as {@code OPS-42}
 * @param url a link for people; may be empty
 */
public record TicketRef(String system, String key, String url) {
  public TicketRef {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(url, "url");
    if (key.isBlank()) {
      throw new IllegalArgumentException("ticket key must not be blank");
    }
  }
}
