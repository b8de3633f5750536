package dev.aiops.rca.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.WebSettings;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.testkit.InMemoryNotifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Three service instances on one PostgreSQL database receive the same run's webhook 200 times concurrently: one
 * incident, one ticket, one notification, 199 audit entries saying duplicate.
 */
class ExactlyOnceAcrossReplicasIT {

  private static final String WEBHOOK = "{\"event_type\":\"jobs.on_failure\",\"workspace_id\":\"789\","
      + "\"run\":{\"run_id\":\"9001\"},\"job\":{\"job_id\":\"42\",\"name\":\"etl_orders\"}}";

  @Test
  void should_open_one_incident_one_ticket_and_one_notification_when_three_replicas_get_200_deliveries()
      throws Exception {
    try (PostgresSchema schema = PostgresSchema.create()) {
      Map<String, String> env = new HashMap<>(schema.environment());
      env.put("RCA_WORKERS", "2");
      AppConfig config = AppConfig.from(ConfigSource.of(env));
      InMemoryNotifier notifier = new InMemoryNotifier(); // one Slack channel seen by all three replicas
      ConfigSource source = ConfigSource.of(env);
      RcaService.Launch launch = RcaService.Launch.of(config, WebSettings.dashboard(source),
              WebSettings.webhookLimits(source), new Secret("replica-key-0123456789"))
          .on("127.0.0.1", 0).withOpenWebhooks().withoutDashboard()
          .withOptions(Wiring.Options.configured().withNotifier(notifier));
      List<RcaService> replicas = new ArrayList<>();
      ExecutorService senders = Executors.newFixedThreadPool(32);
      try {
        for (int i = 0; i < 3; i++) {
          replicas.add(RcaService.start(launch));
        }
        // The client has its own threads: sharing the senders' pool would starve it.
        HttpClient client = HttpClient.newHttpClient();
        List<Callable<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          int port = replicas.get(i % 3).port();
          deliveries.add(() -> client.send(HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + port + "/webhooks/databricks"))
              .POST(HttpRequest.BodyPublishers.ofString(WEBHOOK)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : senders.invokeAll(deliveries)) {
          answers.add(answer.get());
        }
        awaitDone(replicas.get(0).wiring(), Duration.ofSeconds(30));

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(202);
        assertThat(answers).filteredOn(a -> a.body().contains("\"accepted\"")).hasSize(1);
        assertThat(answers).filteredOn(a -> a.body().contains("\"duplicate\"")).hasSize(199);
        assertThat(replicas.get(0).wiring().incidents().list(IncidentQuery.all(10))).singleElement().satisfies(incident -> {
          assertThat(incident.ticket()).isPresent();
          assertThat(incident.notification()).isPresent();
        });
        assertThat(schema.count("SELECT COUNT(*) FROM incidents")).isEqualTo(1);
        assertThat(schema.count("SELECT COUNT(*) FROM tickets")).isEqualTo(1);
        assertThat(notifier.sent()).hasSize(1);
        assertThat(schema.count("SELECT COUNT(*) FROM audit_entries WHERE action = 'DUPLICATE_DELIVERY'"))
            .isEqualTo(199);
        assertThat(schema.count("SELECT COUNT(*) FROM effects WHERE state <> 'DONE'")).isZero();
      } finally {
        replicas.forEach(RcaService::close);
        senders.shutdownNow();
      }
    }
  }

  static void awaitDone(Wiring wiring, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (wiring.inbox().counts().get(DeliveryStatus.PENDING) > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("deliveries still pending after " + timeout + ": " + wiring.inbox().counts());
      }
      Thread.sleep(100);
    }
  }
}
