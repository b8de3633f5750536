package dev.aiops.rca.adapter.web.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the person who pressed a button with a message only they see ({@code response_type: ephemeral}),
 * posted to the press's {@code response_url}. Only Slack's own {@code https://hooks.slack.com/} is written to (or a
 * loopback stub in tests): the address comes in the request, and the service must not post wherever it is told.
 * Best effort: a reply that cannot be posted is logged, without its address, which grants posting.
 */
class SlackReplies {

  private static final Logger LOG = LoggerFactory.getLogger(SlackReplies.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  /** Tells the presser {@code text}, leaving the card as it is. */
  void ephemeral(String responseUrl, String text) {
    if (!allowed(responseUrl)) {
      LOG.warn("slack reply not sent: the response_url is not Slack's (https://hooks.slack.com/)");
      return;
    }
    ObjectNode body = JSON.createObjectNode().put("response_type", "ephemeral").put("replace_original", false)
        .put("text", text);
    try {
      HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(responseUrl)).timeout(TIMEOUT)
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        LOG.warn("slack reply not taken: HTTP {}", response.statusCode());
      }
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("slack reply not sent: {}", e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static boolean allowed(String responseUrl) {
    URI uri;
    try {
      uri = new URI(responseUrl);
    } catch (java.net.URISyntaxException e) {
      return false;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") && host.equals("hooks.slack.com") && uri.getUserInfo() == null) {
      return true;
    }
    return (scheme.equals("http") || scheme.equals("https")) && loopback(host);
  }

  private static boolean loopback(String host) {
    if (!host.equals("localhost") && !host.matches("[0-9.]+") && !host.startsWith("[")) {
      return false; // a name other than localhost would be looked up: never followed
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
