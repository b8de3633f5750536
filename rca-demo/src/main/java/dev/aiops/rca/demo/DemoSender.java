package dev.aiops.rca.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Posts the demo's failures to the service over HTTP with the webhook key, as the platforms would: a Databricks job
 * notification to {@code /webhooks/databricks}, a pipeline's failure body to {@code /webhooks/adf}.
 */
public final class DemoSender {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI service;
  private final String webhookKey;
  private final String factoryName;

  /**
   * @param service the service's base address, such as {@code http://127.0.0.1:8000}
   * @param webhookKey the key the service takes webhooks with
   * @param factoryName the data factory that pipeline failures name
   */
  public DemoSender(URI service, String webhookKey, String factoryName) {
    this.service = Objects.requireNonNull(service, "service");
    this.webhookKey = Objects.requireNonNull(webhookKey, "webhookKey");
    this.factoryName = Objects.requireNonNull(factoryName, "factoryName");
  }

  /**
   * Sends one webhook per case, {@code spacing} apart so that the dashboard shows them arriving.
   *
   * @return one line per case: the case, the path and the service's answer
   */
  public List<String> send(List<DemoCase> cases, Duration spacing) throws InterruptedException {
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      if (i > 0 && !spacing.isZero()) {
        Thread.sleep(spacing.toMillis());
      }
      answers.add(send(cases.get(i)));
    }
    return answers;
  }

  private String send(DemoCase demoCase) throws InterruptedException {
    String path = demoCase.isDatabricks() ? "/webhooks/databricks" : "/webhooks/adf";
    HttpRequest request = HttpRequest.newBuilder(service.resolve(path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("X-API-Key", webhookKey)
        .POST(HttpRequest.BodyPublishers.ofString(demoCase.webhookBody(factoryName)))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return demoCase.id() + " -> POST " + path + ": " + response.statusCode() + " " + response.body();
    } catch (IOException e) {
      return demoCase.id() + " -> POST " + path + ": not sent (" + e.getClass().getSimpleName() + ")";
    }
  }
}
