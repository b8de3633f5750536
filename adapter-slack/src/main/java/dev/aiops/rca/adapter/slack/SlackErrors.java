package dev.aiops.rca.adapter.slack;

import com.slack.api.methods.SlackApiException;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The one place where Slack's answers, {@code {"ok":false}} included, become port exceptions. */
final class SlackErrors {

  private static final Set<String> CHANNEL = Set.of(
      "channel_not_found", "not_in_channel", "is_archived", "channel_is_archived", "restricted_action",
      "restricted_action_read_only_channel", "restricted_action_non_threadable_channel", "cannot_reply_to_message");
  private static final Set<String> TOKEN = Set.of(
      "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission",
      "missing_scope", "not_allowed_token_type", "ekm_access_denied", "team_access_not_granted", "org_login_required");
  private static final Set<String> MESSAGE_GONE = Set.of(
      "message_not_found", "cant_update_message", "edit_window_closed", "thread_not_found");
  private static final Set<String> TRANSIENT = Set.of(
      "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
      "team_added_to_org");

  private SlackErrors() {}

  /** An answer with {@code "ok": false}: Slack says HTTP 200 and names the problem in {@code error}. */
  static PortException fromError(String call, String error, String needed) {
    String code = error == null || error.isBlank() ? "unknown_error" : error;
    String said = " (" + code + (needed == null || needed.isBlank() ? "" : ", needs " + needed) + ")";
    if (TRANSIENT.contains(code)) {
      return new TransientPortException("Slack could not " + call + said);
    }
    if (code.equals("not_in_channel")) {
      return new PermanentPortException("Slack refused to " + call + said
          + ": invite the bot to SLACK_ALERT_CHANNEL (/invite @bot) or check the channel id");
    }
    if (CHANNEL.contains(code)) {
      return new PermanentPortException("Slack refused to " + call + said
          + ": check SLACK_ALERT_CHANNEL (it must exist, be unarchived, and let the bot post)");
    }
    if (TOKEN.contains(code)) {
      return new PermanentPortException("Slack refused the token to " + call + said
          + ": check SLACK_BOT_TOKEN (a bot token xoxb-... with the chat:write scope)");
    }
    if (MESSAGE_GONE.contains(code)) {
      return new PermanentPortException("Slack cannot " + call + said + ": the message was deleted or is too old");
    }
    return new PermanentPortException("Slack rejected the request to " + call + said);
  }

  /** A non-200 answer: the SDK throws for those (429 with Retry-After, 5xx, proxies' pages). */
  static PortException fromHttp(String call, SlackApiException e) {
    int status = e.getResponse() == null ? 0 : e.getResponse().code();
    String code = e.getError() == null || e.getError().getError() == null ? "" : ", " + e.getError().getError();
    String said = " (HTTP " + status + code + ")";
    if (status == 429) {
      return new TransientPortException("Slack throttled the request to " + call + said, e,
          retryAfter(e.getResponse() == null ? null : e.getResponse().header("Retry-After")));
    }
    if (status >= 500 || status == 408) {
      return new TransientPortException("Slack failed to " + call + said, e,
          retryAfter(e.getResponse() == null ? null : e.getResponse().header("Retry-After")));
    }
    if (status == 401 || status == 403) {
      return new PermanentPortException("Slack refused the token to " + call + said + ": check SLACK_BOT_TOKEN", e);
    }
    if (status == 404 || (status >= 300 && status < 400)) {
      return new PermanentPortException("Slack has no such method for " + call + said
          + ": check SLACK_API_URL (https://slack.com/api/ by default)", e);
    }
    return new PermanentPortException("Slack rejected the request to " + call + said, e);
  }

  /** A failure below HTTP: a timeout, a refused or reset connection. */
  static PortException fromTransport(String call, IOException e) {
    String what = e instanceof InterruptedIOException ? "timed out" : "could not be reached";
    return new TransientPortException("Slack " + what + " to " + call + ": " + e.getClass().getSimpleName(), e);
  }

  /** Anything else the SDK throws, such as an answer that is not JSON. */
  static PortException unexpected(String call, RuntimeException e) {
    return new PermanentPortException("Slack's answer to " + call + " could not be read (" + e.getClass().getSimpleName()
        + "): check SLACK_API_URL", e);
  }

  static Optional<Duration> retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip()))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
