package dev.aiops.rca.adapter.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place where langchain4j's exceptions, and its crashes on odd answers, become port exceptions. */
final class LlmErrors {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Gemini's google.rpc.RetryInfo: {@code "retryDelay": "15s"} or {@code "0.5s"}. */
  private static final Pattern RETRY_DELAY = Pattern.compile("\"retryDelay\"\\s*:\\s*\"(\\d{1,6}(?:\\.\\d{1,9})?)s\"");
  /** OpenAI's and others' prose: "Please try again in 20s" / "in 350ms". */
  private static final Pattern TRY_AGAIN = Pattern.compile("(?i)try again in (\\d{1,6}(?:\\.\\d{1,6})?)\\s?(ms|s)\\b");

  private LlmErrors() {}

  /**
   * What a failed call means. The message names the vendor and the HTTP status, with an excerpt of the vendor's
   * message, and never the key.
   */
  static PortException map(String vendor, RuntimeException e, String apiKey) {
    if (e instanceof PortException) {
      return (PortException) e;
    }
    Optional<Integer> status = statusOf(e);
    String said = safe(e.getMessage(), apiKey);
    String where = vendor + status.map(s -> " (HTTP " + s + ")").orElse("");
    // The settings app-http reads for this vendor: <PROVIDER>_API_KEY, _MODEL, _BASE_URL.
    String setting = vendor.toUpperCase(Locale.ROOT) + "_";
    if (e instanceof RateLimitException || status.filter(s -> s == 429).isPresent()) {
      return new TransientPortException(where + " throttled the call: " + said, e, retryDelay(e));
    }
    if (e instanceof TimeoutException || status.filter(s -> s == 408).isPresent() || hasCause(e, IOException.class)) {
      return new TransientPortException(where + " timed out or could not be reached (check " + setting
          + "BASE_URL): " + said, e);
    }
    if (e instanceof InternalServerException || status.filter(s -> s >= 500).isPresent()) {
      return new TransientPortException(where + " failed: " + said, e, retryDelay(e));
    }
    if (e instanceof AuthenticationException || status.filter(s -> s == 401 || s == 403).isPresent()) {
      return new PermanentPortException(where + " refused the key: check " + setting + "API_KEY. " + said, e);
    }
    if (e instanceof ModelNotFoundException || status.filter(s -> s == 404).isPresent()) {
      return new PermanentPortException(where + " does not know the model: check " + setting + "MODEL. " + said, e);
    }
    if (e instanceof ContentFilteredException) {
      return new PermanentPortException(where + " blocked the prompt or the answer: " + said, e);
    }
    if (status.isPresent()) {
      return new PermanentPortException(where + " rejected the call: " + said, e);
    }
    if (e instanceof RetriableException) {
      return new TransientPortException(where + " failed: " + said, e);
    }
    if (e instanceof RcaAnswer.InvalidAnswer) {
      return new PermanentPortException(vendor + " answered unusably: " + said, e);
    }
    // The library throws NullPointerException on a 200 without usageMetadata or without candidates (a blocked
    // prompt): an answer we cannot use, not a crash of ours.
    return new PermanentPortException(vendor + " gave an answer the client could not read ("
        + e.getClass().getSimpleName() + (said.isEmpty() ? "" : ": " + said) + ")", e);
  }

  /** The wait the vendor asked for: its Retry-After header where the client kept it, else from the body. */
  private static Optional<Duration> retryDelay(RuntimeException e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof RetryAfterHttpClient.Failed && ((RetryAfterHttpClient.Failed) t).retryAfter().isPresent()) {
        return ((RetryAfterHttpClient.Failed) t).retryAfter();
      }
    }
    return retryDelay(e.getMessage());
  }

  /** The wait the vendor asked for, from Gemini's RetryInfo or from a "try again in" sentence. */
  static Optional<Duration> retryDelay(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher rpc = RETRY_DELAY.matcher(message);
    if (rpc.find()) {
      return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(rpc.group(1)) * 1_000)));
    }
    Matcher prose = TRY_AGAIN.matcher(message);
    if (prose.find()) {
      double amount = Double.parseDouble(prose.group(1));
      return Optional.of(Duration.ofMillis(Math.round(prose.group(2).equalsIgnoreCase("ms") ? amount : amount * 1_000)));
    }
    return Optional.empty();
  }

  private static Optional<Integer> statusOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException) {
        return Optional.of(((HttpException) t).statusCode());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  // The vendor's own error message, if the body is the usual {"error": {"message": ...}} or Ollama's
  // {"error": "..."}, else an excerpt.
  private static String safe(String message, String apiKey) {
    if (message == null) {
      return "";
    }
    String text = message;
    try {
      JsonNode node = JSON.readTree(message);
      if (node != null && node.path("error").path("message").isTextual()) {
        text = node.path("error").path("message").asText();
      } else if (node != null && node.path("error").isTextual()) {
        text = node.path("error").asText();
      }
    } catch (IOException notJson) {
      // Plain text or HTML: keep an excerpt.
    }
    if (!apiKey.isEmpty()) {
      text = text.replace(apiKey, "****");
    }
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() <= 300 ? text : text.substring(0, 299) + "…";
  }
}
