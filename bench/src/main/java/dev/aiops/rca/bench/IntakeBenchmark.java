package dev.aiops.rca.bench;

import static dev.aiops.rca.bench.Figures.intArg;
import static dev.aiops.rca.bench.Figures.percentileMillis;

import dev.aiops.rca.app.RcaService;
import dev.aiops.rca.app.Wiring;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.port.out.DeliveryInbox;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for the durable intake: (1) webhooks POSTed over HTTP for a fixed time by concurrent clients, each
 * answered 202 only once stored in the inbox with its run claim; (2) the inbox drained by the workers through the
 * full pipeline on the same database, with an in-memory issue tracker and notifier.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.aiops.rca.bench.IntakeBenchmark h2|postgres
 * [intakeSeconds=15] [clients=16] [pipelineSeconds=15] [workers=4]}. PostgreSQL is
 * {@code RCA_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code RCA_TEST_PG_USER}
 * (default {@code postgres}), in a schema of its own that is dropped afterwards.
 */
public final class IntakeBenchmark {

  private static final PrintStream OUT = System.out;

  private IntakeBenchmark() {}

  public static void main(String[] args) throws Exception {
    String database = args.length > 0 ? args[0] : "h2";
    int intakeSeconds = intArg(args, 1, 15);
    int clients = intArg(args, 2, 16);
    int pipelineSeconds = intArg(args, 3, 15);
    int workers = intArg(args, 4, 4);
    BenchDatabase db = BenchDatabase.open(database, "bench", clients + workers + 2);
    OUT.printf("database=%s clients=%d intake=%ds workers=%d pipeline=%ds cpus=%d%n", database, clients,
        intakeSeconds, workers, pipelineSeconds, Runtime.getRuntime().availableProcessors());
    Wiring.Options options = Wiring.Options.configured().withTracker(new InMemoryIssueTracker())
        .withNotifier(new InMemoryNotifier());
    // The workers wait while the intake is measured alone, then work through what it stored.
    try (RcaService service = RcaService.start(BenchService.launch(db, workers, options).withWorkersIdle())) {
      intake(service.port(), clients, Duration.ofSeconds(intakeSeconds));
      pipeline(service.wiring(), Duration.ofSeconds(pipelineSeconds));
    } finally {
      db.close();
    }
  }

  private static void intake(int port, int clients, Duration duration) throws Exception {
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
    URI uri = URI.create("http://127.0.0.1:" + port + "/webhooks/databricks");
    AtomicLong runIds = new AtomicLong(1_000_000);
    AtomicLong accepted = new AtomicLong();
    AtomicLong other = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + duration.toNanos();
    List<Future<long[]>> results = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      results.add(pool.submit(() -> {
        long[] samples = new long[1 << 20];
        int n = 0;
        while (System.nanoTime() < end) {
          long run = runIds.incrementAndGet();
          String body = "{\"event\":\"on_failure\",\"run_id\":" + run + ",\"job_id\":42,\"job_name\":\"etl_orders\","
              + "\"error_message\":\"AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`t"
              + (run % 50) + "` cannot be found.\"}";
          long start = System.nanoTime();
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
          long took = System.nanoTime() - start;
          if (response.statusCode() == 202 && response.body().contains("accepted")) {
            accepted.incrementAndGet();
            if (n < samples.length) {
              samples[n++] = took;
            }
          } else {
            other.incrementAndGet();
          }
        }
        return Arrays.copyOf(samples, n);
      }));
    }
    for (Future<long[]> result : results) {
      latencies.add(result.get());
    }
    pool.shutdown();
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double seconds = duration.toMillis() / 1000.0;
    OUT.printf(Locale.ROOT, "intake: %d accepted (202, durable) in %.0f s = %.0f webhooks/s; other answers %d; "
            + "latency p50 %.1f ms, p99 %.1f ms%n", accepted.get(), seconds, accepted.get() / seconds, other.get(),
        percentileMillis(all, 0.50), percentileMillis(all, 0.99));
  }

  private static void pipeline(Wiring wiring, Duration duration) throws Exception {
    DeliveryInbox inbox = wiring.inbox();
    long pendingBefore = inbox.counts().get(DeliveryStatus.PENDING);
    long start = System.nanoTime();
    wiring.workers().start();
    Thread.sleep(duration.toMillis());
    wiring.workers().close();
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<DeliveryStatus, Long> counts = inbox.counts();
    long done = counts.get(DeliveryStatus.DONE);
    OUT.printf(Locale.ROOT, "pipeline: %d of %d deliveries completed in %.1f s = %.0f pipelines/s (%d dead)%n",
        done, pendingBefore, seconds, done / seconds, counts.get(DeliveryStatus.DEAD));
  }
}
