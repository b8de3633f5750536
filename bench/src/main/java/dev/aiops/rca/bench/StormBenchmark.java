package dev.aiops.rca.bench;

import static dev.aiops.rca.bench.Figures.intArg;

import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.app.RcaService;
import dev.aiops.rca.app.Wiring;
import dev.aiops.rca.core.model.CachingRootCauseModel;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.port.out.DeliveryInbox;
import dev.aiops.rca.port.out.RootCauseModel;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A failure storm: many jobs failing at once for a handful of reasons, POSTed to the webhook while the workers run
 * the full pipeline with a model behind the service's answer cache. Reports how many tickets, messages and model
 * calls the storm cost and how long the service took to drain it.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.aiops.rca.bench.StormBenchmark h2|postgres
 * [failures=1000] [signatures=10] [seconds=10] [workers=4] [modelMillis=500]}. The model is a counting stub that
 * takes {@code modelMillis} per call, as a hosted model does.
 */
public final class StormBenchmark {

  private static final PrintStream OUT = System.out;

  private StormBenchmark() {}

  public static void main(String[] args) throws Exception {
    String database = args.length > 0 ? args[0] : "h2";
    int failures = intArg(args, 1, 1_000);
    int signatures = intArg(args, 2, 10);
    int seconds = intArg(args, 3, 10);
    int workers = intArg(args, 4, 4);
    int modelMillis = intArg(args, 5, 500);
    BenchDatabase db = BenchDatabase.open(database, "storm", workers + 8);
    JdbcSettings settings = db.settings();
    OUT.printf("database=%s failures=%d signatures=%d within=%ds workers=%d model=%dms/call cpus=%d%n", database,
        failures, signatures, seconds, workers, modelMillis, Runtime.getRuntime().availableProcessors());

    AtomicLong modelCalls = new AtomicLong();
    RootCauseModel countingModel = (run, rules) -> {
      modelCalls.incrementAndGet();
      sleep(modelMillis);
      return rules;
    };
    // As Wiring does: the model behind the answer cache, keyed by the rules' signature.
    CachingRootCauseModel model = new CachingRootCauseModel(countingModel, "storm:counting", "v1", 2_000);
    InMemoryIssueTracker tracker = new InMemoryIssueTracker();
    InMemoryNotifier notifier = new InMemoryNotifier();
    Wiring.Options options = Wiring.Options.configured().withModel(model).withTracker(tracker).withNotifier(notifier);
    try (RcaService service = BenchService.start(db, workers, options)) {
      DeliveryInbox inbox = service.wiring().inbox();
      long start = System.nanoTime();
      long accepted = storm(service.port(), failures, signatures, Duration.ofSeconds(seconds));
      long sent = System.nanoTime();
      long drained = drain(inbox, accepted, Duration.ofMinutes(5));
      Map<DeliveryStatus, Long> counts = inbox.counts();
      OUT.printf(Locale.ROOT, "storm: %d failures sent in %.1f s, %d accepted (202, durable)%n", failures,
          (sent - start) / 1e9, accepted);
      OUT.printf(Locale.ROOT, "drain: all %d done %.1f s after the first webhook, %.1f s after the last (%d dead)%n",
          counts.get(DeliveryStatus.DONE), (drained - start) / 1e9, (drained - sent) / 1e9,
          counts.get(DeliveryStatus.DEAD));
      OUT.printf(Locale.ROOT, "incidents: %d; tickets opened: %d; recurrences on tickets: %d; messages: %d; "
              + "message updates: %d%n", service.wiring().incidents().list(IncidentQuery.all(1_000)).size(),
          tracker.openCalls(), tracker.recurrences().size(), notifier.sent().size(), notifier.updates().size());
      OUT.printf(Locale.ROOT, "model: %d calls for %d analyses (%d answered from the cache)%n", modelCalls.get(),
          model.calls() + model.hits(), model.hits());
    } finally {
      db.close();
    }
  }

  /** Sends the failures at an even pace over {@code within}; returns how many were accepted. */
  private static long storm(int port, int failures, int signatures, Duration within) {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create("http://127.0.0.1:" + port + "/webhooks/databricks");
    long start = System.nanoTime();
    long gap = within.toNanos() / failures;
    List<CompletableFuture<Boolean>> answers = new ArrayList<>(failures);
    for (int i = 0; i < failures; i++) {
      long due = start + i * gap;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        sleep(wait / 1_000_000);
      }
      long run = 5_000_000L + i;
      int reason = i % signatures;
      // A signature is a job and its normalised error: one job per reason makes exactly {@code signatures} of them.
      String body = "{\"event\":\"on_failure\",\"run_id\":" + run + ",\"job_id\":" + (100 + reason)
          + ",\"job_name\":\"etl_" + reason + "\",\"error_message\":\"org.apache.spark.sql.AnalysisException: "
          + "[TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`storm`.`t" + reason + "` cannot be found.\"}";
      answers.add(http.sendAsync(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.ofString())
          .thenApply(r -> r.statusCode() == 202 && r.body().contains("accepted")));
    }
    return answers.stream().filter(CompletableFuture::join).count();
  }

  /** Waits until {@code accepted} deliveries are done and none is pending; returns when, in nanoseconds. */
  private static long drain(DeliveryInbox inbox, long accepted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Map<DeliveryStatus, Long> counts = inbox.counts();
      if (counts.get(DeliveryStatus.PENDING) == 0 && counts.get(DeliveryStatus.DONE) + counts.get(DeliveryStatus.DEAD)
          >= accepted) {
        return System.nanoTime();
      }
      sleep(20);
    }
    throw new IllegalStateException("the storm was not drained within " + timeout + ": " + inbox.counts());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
