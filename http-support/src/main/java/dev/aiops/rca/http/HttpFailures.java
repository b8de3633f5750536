package dev.aiops.rca.http;

import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * The classification every REST adapter makes of a failed call, and the failures whose wording is the same for every
 * vendor but for its name and the setting to check; the rest each adapter puts in its own words.
 */
public final class HttpFailures {

  private static final int MAX_EXCERPT = 200;

  private HttpFailures() {}

  /** 429: the server asked the client to slow down. */
  public static boolean isThrottled(int status) {
    return status == 429;
  }

  /** 5xx other than 501 (which will not change on a retry): the server failed, and may not next time. */
  public static boolean isServerFailure(int status) {
    return status >= 500 && status != 501;
  }

  /** 3xx: a client that does not follow redirects was sent elsewhere, which for an API means a wrong URL. */
  public static boolean isRedirect(int status) {
    return status >= 300 && status < 400;
  }

  /** How a failure below HTTP reads: {@code "timed out"} or {@code "could not be reached"}. */
  public static String transportWording(IOException e) {
    return e instanceof HttpTimeoutException ? "timed out" : "could not be reached";
  }

  /** A short, single-line excerpt of an answer's body for messages: markup removed, at most 200 characters. */
  public static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String text = body.replaceAll("<[^>]{0,200}>", " ").replaceAll("\\s+", " ").strip();
    return text.length() <= MAX_EXCERPT ? text : text.substring(0, MAX_EXCERPT - 1) + "…";
  }

  /**
   * A 429 as {@code "<vendor> throttled <call><said>"} and a retryable 5xx as {@code "<vendor> failed <call><said>"},
   * both transient after the server's {@code wait}; empty for any other status, which only the adapter can word.
   */
  public static Optional<PortException> retryable(
      String vendor, String call, int status, String said, Optional<Duration> wait) {
    if (isThrottled(status)) {
      return Optional.of(new TransientPortException(vendor + " throttled " + call + said, null, wait));
    }
    if (isServerFailure(status)) {
      return Optional.of(new TransientPortException(vendor + " failed " + call + said, null, wait));
    }
    return Optional.empty();
  }

  /** A failure below HTTP, transient: {@code "<vendor> timed out for <call>: HttpTimeoutException"}. */
  public static TransientPortException unreachable(String vendor, String call, IOException e) {
    return new TransientPortException(unreachableWording(vendor, call, e), e);
  }

  /** As {@link #unreachable(String, String, IOException)}, followed by what to check in parentheses. */
  public static TransientPortException unreachable(String vendor, String call, IOException e, String check) {
    return new TransientPortException(unreachableWording(vendor, call, e) + " (" + check + ")", e);
  }

  /**
   * A 2xx answer whose body is not the JSON asked for, permanent: {@code "<vendor> answered <call> with something
   * that is not JSON: <excerpt> (<check>)"}. Usually a login or proxy page, so {@code check} names the URL setting.
   */
  public static PermanentPortException notJson(String vendor, String call, String body, String check) {
    return new PermanentPortException(vendor + " answered " + call + " with something that is not JSON: "
        + excerpt(body) + " (" + check + ")");
  }

  private static String unreachableWording(String vendor, String call, IOException e) {
    return vendor + " " + transportWording(e) + " for " + call + ": " + e.getClass().getSimpleName();
  }
}
