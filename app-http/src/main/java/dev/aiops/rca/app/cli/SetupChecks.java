package dev.aiops.rca.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.adapter.adf.AdfFailedRunSource;
import dev.aiops.rca.adapter.adf.AdfRunMapper;
import dev.aiops.rca.adapter.databricks.DatabricksFailedRunSource;
import dev.aiops.rca.adapter.email.EmailNotifier;
import dev.aiops.rca.adapter.gemini.LlmRootCauseModel;
import dev.aiops.rca.app.config.Integrations;
import dev.aiops.rca.port.PortException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One cheap authenticated call to each configured integration, through the adapters where they offer one, so that
 * {@code setup} saves only settings that work. Messages never carry a credential.
 */
final class SetupChecks {

  /** The outcome of one check. */
  record Outcome(String integration, boolean passed, String detail) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  List<Outcome> run(Integrations integrations) {
    List<Outcome> outcomes = new ArrayList<>();
    integrations.databricks().ifPresent(settings -> outcomes.add(check("Databricks " + settings.host(), () -> {
      DatabricksFailedRunSource.create(settings).verifyAccess();
      return "the token lists job runs";
    })));
    integrations.adf().ifPresent(settings -> outcomes.add(check("Data Factory " + settings.factoryName(), () ->
        "signed in; " + AdfFailedRunSource.create(settings, new AdfRunMapper()::map).verifyAccess()
            + " failed pipeline run(s) in the last hour")));
    integrations.llm().ifPresent(settings -> outcomes.add(check("model " + settings.modelId(), () -> {
      LlmRootCauseModel.create(settings).verifyAccess();
      return "answered a one-line prompt";
    })));
    integrations.jira().ifPresent(settings -> outcomes.add(check("Jira " + settings.domain(), () -> {
      JsonNode me = get(URI.create(settings.domain() + "/rest/api/" + settings.apiVersion() + "/myself"),
          settings.auth().header());
      return "signed in as " + me.path("displayName").asText(me.path("name").asText("?"));
    })));
    integrations.serviceNow().ifPresent(settings -> outcomes.add(check("ServiceNow " + settings.instance(), () -> {
      get(URI.create(settings.instance() + "/api/now/table/incident?sysparm_limit=1&sysparm_fields=number"),
          settings.auth().header());
      return "may read incidents";
    })));
    integrations.slack().ifPresent(settings -> outcomes.add(check("Slack", () -> {
      JsonNode answer = send(HttpRequest.newBuilder(settings.apiUrl().resolve("auth.test"))
          .header("Authorization", "Bearer " + settings.botToken())
          .POST(HttpRequest.BodyPublishers.noBody()));
      if (!answer.path("ok").asBoolean(false)) {
        throw new IllegalStateException("auth.test answered " + answer.path("error").asText("not ok"));
      }
      return "bot " + answer.path("user").asText("?") + " in " + answer.path("team").asText("?")
          + "; invite it to " + settings.channel();
    })));
    integrations.email().ifPresent(settings -> outcomes.add(check("E-mail " + settings.host() + ":"
        + settings.port(), () -> {
          EmailNotifier.create(settings).verifyConnection();
          return "connected" + (settings.startTls() ? " with STARTTLS" : "")
              + settings.user().map(u -> ", signed in as " + u).orElse("") + "; nothing sent";
        })));
    integrations.notifiers().teams().ifPresent(settings -> outcomes.add(new Outcome("Microsoft Teams", true,
        "webhook URL well formed; not called, as Teams has no check that does not post to the channel")));
    integrations.notifiers().pagerDuty().ifPresent(settings -> outcomes.add(new Outcome("PagerDuty", true,
        "routing key well formed; not called, as PagerDuty has no check that does not raise an alert")));
    return outcomes;
  }

  private static Outcome check(String integration, Supplier<String> call) {
    try {
      return new Outcome(integration, true, call.get());
    } catch (PortException | IllegalStateException | IllegalArgumentException e) {
      return new Outcome(integration, false, e.getMessage());
    }
  }

  private JsonNode get(URI url, String authorization) {
    return send(HttpRequest.newBuilder(url).header("Authorization", authorization).GET());
  }

  private JsonNode send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(TIMEOUT).header("Accept", "application/json")
          .build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        // The status says enough; a body may echo what was sent.
        throw new IllegalStateException("HTTP " + response.statusCode() + " from " + request.build().uri().getHost());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("could not reach " + request.build().uri().getHost() + ": "
          + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }
}
