package dev.aiops.rca.adapter.web;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client may take: to send a request's headers, to send its body once the headers are in, and to stay
 * connected without sending anything. A client that dribbles bytes keeps a connection from going idle, so the
 * first two are deadlines from the start of each phase, not idle timeouts.
 *
 * @param headers from the request's first byte to the end of its headers
 * @param body from the end of the headers to the end of the body
 * @param idle without a byte either way, between or within requests
 */
public record HttpDeadlines(Duration headers, Duration body, Duration idle) {

  /** 10 s for the headers, 30 s for a body (a 1 MiB webhook at 35 KB/s), 30 s idle. */
  public static final HttpDeadlines STANDARD = new HttpDeadlines(Duration.ofSeconds(10), Duration.ofSeconds(30),
      Duration.ofSeconds(30));

  public HttpDeadlines {
    positive(headers, "headers");
    positive(body, "body");
    positive(idle, "idle");
  }

  private static void positive(Duration deadline, String name) {
    Objects.requireNonNull(deadline, name);
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + deadline);
    }
  }
}
