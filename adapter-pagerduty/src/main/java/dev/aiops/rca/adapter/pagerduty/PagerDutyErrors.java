package dev.aiops.rca.adapter.pagerduty;

import dev.aiops.rca.http.ErrorMapper;
import dev.aiops.rca.http.HttpFailures;
import dev.aiops.rca.http.RetryAfter;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import java.net.http.HttpHeaders;

/** PagerDuty's failures in the words of this service: which setting to check. */
final class PagerDutyErrors {

  private static final String VENDOR = "PagerDuty";

  private PagerDutyErrors() {}

  /** The mapper for one call, such as {@code "trigger"}. */
  static ErrorMapper forCall(String call) {
    return ErrorMapper.of(
        (status, body, headers) -> fromStatus(call, status, body, headers),
        e -> HttpFailures.unreachable(VENDOR, call, e, "check PAGERDUTY_EVENTS_URL and the network"),
        body -> HttpFailures.notJson(VENDOR, call, body, "check PAGERDUTY_EVENTS_URL"));
  }

  /** 429 and 5xx are transient (after any Retry-After); 400 is an event PagerDuty refused, permanent. */
  static PortException fromStatus(String call, int status, String body, HttpHeaders headers) {
    String said = body == null || body.isBlank() ? " (" + status + ")" : " (" + status + "): "
        + HttpFailures.excerpt(body);
    return HttpFailures.retryable(VENDOR, call, status, said, RetryAfter.from(headers))
        .orElseGet(() -> status == 400
            ? new PermanentPortException(VENDOR + " refused the " + call + " event as invalid" + said
                + " (check PAGERDUTY_ROUTING_KEY: it must be an Events API v2 integration key)")
            : new PermanentPortException(VENDOR + " answered " + call + " with " + status + said
                + " (check PAGERDUTY_EVENTS_URL and PAGERDUTY_ROUTING_KEY)"));
  }
}
