package dev.aiops.rca.app.e2e;

import dev.aiops.rca.app.RcaService;
import dev.aiops.rca.app.Wiring;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.WebSettings;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.RetryPolicy;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.port.out.Notifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The service as {@code serve} builds it, in this JVM: configuration from a map (pointing at loopback stubs), the
 * H2 file store in a temporary folder, the inbox workers, and HTTP on a free port with the webhook key required.
 */
public final class E2eService implements AutoCloseable {

  /** The webhook key every request presents. */
  public static final String KEY = "e2e-webhook-key-0123456789";
  /** The key that approves, resolves and replays through the API. */
  public static final String OPERATOR_KEY = "e2e-operator-key-0123456789";

  private final RcaService service;
  private final HttpClient http = HttpClient.newHttpClient();

  private E2eService(RcaService service) {
    this.service = service;
  }

  /** Starts the service with {@code settings} on top of a data folder, the key and two workers. */
  public static E2eService start(Path dataDir, Map<String, String> settings) {
    return start(dataDir, settings, Optional.empty());
  }

  /** Starts the service with a notifier of the test's own (to count or fail alerts). */
  public static E2eService start(Path dataDir, Map<String, String> settings, Optional<Notifier> notifier) {
    return start(dataDir, settings, notifier, UnaryOperator.identity(), RetryPolicy.defaults(), false);
  }

  /**
   * Starts the service as {@code serve} does, on loopback and a free port, with the configuration adjusted by
   * {@code tune} (what no setting reaches, such as an adapter's request timeout), deliveries retried as
   * {@code retry} says, and optionally the dashboard and its API mounted.
   */
  public static E2eService start(Path dataDir, Map<String, String> settings, Optional<Notifier> notifier,
      UnaryOperator<AppConfig> tune, RetryPolicy retry, boolean dashboard) {
    Wiring.Options options = Wiring.Options.configured().withRetry(retry);
    return start(dataDir, settings, notifier.map(options::withNotifier).orElse(options), tune, dashboard);
  }

  /** Starts the service with what {@code options} puts in place of the configured parts (a tracker of the test's). */
  public static E2eService start(Path dataDir, Map<String, String> settings, Wiring.Options options) {
    return start(dataDir, settings, options, UnaryOperator.identity(), false);
  }

  private static E2eService start(Path dataDir, Map<String, String> settings, Wiring.Options options,
      UnaryOperator<AppConfig> tune, boolean dashboard) {
    Map<String, String> env = new HashMap<>(settings);
    env.putIfAbsent("RCA_DATA_DIR", dataDir.toString());
    env.putIfAbsent("RCA_API_KEY", KEY);
    env.putIfAbsent("RCA_OPERATOR_KEY", OPERATOR_KEY);
    env.putIfAbsent("RCA_WORKERS", "2");
    // Tests send floods on purpose (storms, fuzzing); the per-source limit has its own test.
    env.putIfAbsent("RCA_WEBHOOK_RATE", "100000");
    ConfigSource source = ConfigSource.of(env);
    AppConfig config = tune.apply(AppConfig.from(source));
    RcaService.Launch launch = RcaService.Launch.of(config, WebSettings.dashboard(source),
            WebSettings.webhookLimits(source), new Secret(KEY))
        .on("127.0.0.1", 0)
        .withOptions(options);
    return new E2eService(RcaService.start(dashboard ? launch : launch.withoutDashboard()));
  }

  public Wiring wiring() {
    return service.wiring();
  }

  /** The service's URL for {@code path} (which may carry a query). */
  public URI uri(String path) {
    return service.uri().resolve(path);
  }

  /** The service's base address. */
  public URI uri() {
    return uri("/");
  }

  /** Posts a body to a webhook path with the key. */
  public HttpResponse<String> post(String path, String body) {
    return post(path, body, KEY);
  }

  /** Posts a body to an API path with the operator key, as automation that approves or resolves does. */
  public HttpResponse<String> postAsOperator(String path, String body) {
    return post(path, body, OPERATOR_KEY);
  }

  private HttpResponse<String> post(String path, String body, String key) {
    try {
      return http.send(HttpRequest.newBuilder(uri(path))
          .header("Content-Type", "application/json")
          .header("X-API-Key", key)
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until every stored delivery has been processed and at least one has, or fails after {@code timeout}. */
  public void awaitSettled(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Map<DeliveryStatus, Long> counts = wiring().deliveries().counts();
      if (counts.get(DeliveryStatus.PENDING) == 0 && counts.get(DeliveryStatus.DONE) > 0) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("deliveries not processed within " + timeout + ": " + counts);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Every incident, newest first. */
  public List<Incident> incidents() {
    return wiring().incidents().list(IncidentQuery.all(1000));
  }

  /** Waits until the incidents satisfy {@code condition}, or fails after {@code timeout} with what was there. */
  public List<Incident> awaitIncidents(Predicate<List<Incident>> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      List<Incident> incidents = incidents();
      if (condition.test(incidents)) {
        return incidents;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("incidents never satisfied the condition within " + timeout + ": " + incidents);
      }
      pause();
    }
  }

  /** The incident's audit trail. */
  public List<AuditEntry> audit(Incident incident) {
    return wiring().audit().auditTrail(incident.id());
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    service.close();
  }
}
