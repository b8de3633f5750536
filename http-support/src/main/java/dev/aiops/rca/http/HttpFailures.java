package dev.aiops.rca.http;

import java.io.IOException;
import java.net.http.HttpTimeoutException;

/** The classification every REST adapter makes of a failed call, before it puts it in its own words. */
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
}
