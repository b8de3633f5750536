package dev.aiops.rca.bench;

import dev.aiops.rca.app.RcaService;
import dev.aiops.rca.app.Wiring;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.port.in.WatchIncidentsUseCase;
import dev.aiops.rca.port.out.IncidentRepository;
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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end latency from webhook to ticket. The service is built as {@link StormBenchmark} builds it (H2 file or
 * PostgreSQL inbox and incidents, inbox workers running the full pipeline) with every external service answering at
 * once: no Databricks source (the webhook alone is analysed), no model, the in-memory issue tracker and notifier.
 * Webhooks, each with its own run id and its own signature (a job of its own), are POSTed open loop at a fixed
 * rate; a latency runs from the webhook's scheduled send time to the {@code TICKETED} change the pipeline publishes
 * on its {@code IncidentEvents} port (the live fan-out), so it includes HTTP, the durable inbox, the worker's pick-up,
 * analysis, persistence and the ticket.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.aiops.rca.bench.EndToEndBenchmark h2|postgres
 * [rates=20,100] [seconds=10] [workers=2]}
 */
public final class EndToEndBenchmark {

  private static final PrintStream OUT = System.out;
  private static final AtomicLong RUN_IDS = new AtomicLong(70_000_000);

  private EndToEndBenchmark() {}

  public static void main(String[] args) throws Exception {
    String database = args.length > 0 ? args[0] : "h2";
    int[] rates = Arrays.stream((args.length > 1 ? args[1] : "20,100").split(",")).mapToInt(Integer::parseInt)
        .toArray();
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int workers = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    BenchDatabase db = BenchDatabase.open(database, "e2e", workers + 8);
    OUT.printf("database=%s rates=%s seconds/rate=%d workers=%d cpus=%d java=%s%n", database,
        Arrays.toString(rates), seconds, workers, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    Map<IncidentId, Long> ticketedAt = new ConcurrentHashMap<>();
    Wiring.Options options = Wiring.Options.configured().withTracker(new InMemoryIssueTracker())
        .withNotifier(new InMemoryNotifier());
    try (RcaService service = BenchService.start(db, workers, options);
        WatchIncidentsUseCase.Subscription watching = service.wiring().live().subscribe(change -> {
          if (change.kind() == IncidentChange.Kind.TICKETED) {
            ticketedAt.putIfAbsent(change.incident(), System.nanoTime());
          }
        })) {
      IncidentRepository store = service.wiring().incidents();
      URI uri = service.uri().resolve("/webhooks/databricks");
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      OUT.println("warm-up: 5 s at 20/s (not reported)");
      run(http, uri, store, ticketedAt, 20, 5);
      OUT.println();
      OUT.println("| rate | sent | 202 | ticketed | p50 ms | p95 ms | p99 ms | max ms |");
      OUT.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (int rate : rates) {
        long[] r = run(http, uri, store, ticketedAt, rate, seconds);
        long[] sorted = Arrays.copyOfRange(r, 3, r.length);
        OUT.printf(Locale.ROOT, "| %d/s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f |%n", rate, r[0], r[1], r[2],
            pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99),
            sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        Thread.sleep(1_000);
      }
    } finally {
      db.close();
    }
  }

  /** Returns sent, accepted, ticketed, then the sorted latencies in nanoseconds. */
  private static long[] run(HttpClient http, URI uri, IncidentRepository store, Map<IncidentId, Long> ticketedAt,
      int rate, int seconds) throws InterruptedException {
    int total = rate * seconds;
    long gap = 1_000_000_000L / rate;
    Map<String, Long> dueByRun = new ConcurrentHashMap<>();
    AtomicLong accepted = new AtomicLong();
    List<java.util.concurrent.CompletableFuture<?>> answers = new ArrayList<>(total);
    ticketedAt.clear();
    long start = System.nanoTime() + 5_000_000;
    for (int i = 0; i < total; i++) {
      long due = start + i * gap;
      Pacing.waitUntil(due);
      long run = RUN_IDS.incrementAndGet();
      dueByRun.put(Long.toString(run), due);
      // Its own job and its own table: every webhook is a new signature, so a new incident and a new ticket.
      String body = "{\"event\":\"on_failure\",\"run_id\":" + run + ",\"job_id\":" + run + ",\"job_name\":\"etl_"
          + run + "\",\"error_message\":\"org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] "
          + "The table or view `prod`.`e2e`.`t" + run + "` cannot be found.\"}";
      answers.add(http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
            if (e == null && r.statusCode() == 202) {
              accepted.incrementAndGet();
            }
            return null;
          }));
    }
    java.util.concurrent.CompletableFuture.allOf(answers.toArray(java.util.concurrent.CompletableFuture[]::new))
        .join();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (ticketedAt.size() < accepted.get() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Map<IncidentId, Long> done = Map.copyOf(ticketedAt);
    List<Long> latencies = new ArrayList<>();
    for (Map.Entry<IncidentId, Long> e : done.entrySet()) {
      Optional<Incident> incident = store.find(e.getKey());
      Long due = incident.map(i -> dueByRun.get(i.firstRun().runId().value())).orElse(null);
      if (due != null) {
        latencies.add(e.getValue() - due);
      }
    }
    long[] out = new long[3 + latencies.size()];
    out[0] = total;
    out[1] = accepted.get();
    out[2] = latencies.size();
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.arraycopy(sorted, 0, out, 3, sorted.length);
    return out;
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}
