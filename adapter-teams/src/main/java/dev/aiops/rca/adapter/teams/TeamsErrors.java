package dev.aiops.rca.adapter.teams;

import dev.aiops.rca.http.ErrorMapper;
import dev.aiops.rca.http.HttpFailures;
import dev.aiops.rca.http.RetryAfter;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import java.net.http.HttpHeaders;

/** Teams' failures in the words of this service; never with the webhook's URL, which is its credential. */
final class TeamsErrors {

  private static final String VENDOR = "Microsoft Teams";

  private TeamsErrors() {}

  /** The mapper for one call, such as {@code "post the incident card"}. */
  static ErrorMapper forCall(String call) {
    return ErrorMapper.of(
        (status, body, headers) -> fromStatus(call, status, body, headers),
        e -> HttpFailures.unreachable(VENDOR, call, e, "check TEAMS_WEBHOOK_URL and the network"),
        body -> HttpFailures.notJson(VENDOR, call, body, "check TEAMS_WEBHOOK_URL"));
  }

  /** 429 and 5xx are transient; 400 is a card refused; 401, 403, 404 and 410 a webhook removed or disabled. */
  static PortException fromStatus(String call, int status, String body, HttpHeaders headers) {
    String said = body == null || body.isBlank() ? " (" + status + ")" : " (" + status + "): "
        + HttpFailures.excerpt(body);
    return HttpFailures.retryable(VENDOR, call, status, said, RetryAfter.from(headers))
        .orElseGet(() -> status == 400
            ? new PermanentPortException(VENDOR + " refused the card to " + call + said)
            : new PermanentPortException(VENDOR + " refused to " + call + said + " (check TEAMS_WEBHOOK_URL, or "
                + "the route's Teams webhook: it may have been removed or its flow turned off)"));
  }
}
