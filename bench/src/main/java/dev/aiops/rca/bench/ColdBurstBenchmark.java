package dev.aiops.rca.bench;

import static dev.aiops.rca.bench.Figures.intArg;
import static dev.aiops.rca.bench.Figures.percentileMillis;

import dev.aiops.rca.app.RcaService;
import dev.aiops.rca.app.Wiring;
import dev.aiops.rca.domain.DeliveryStatus;
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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A burst at a service started a moment before, on its fresh database: webhooks at a fixed rate (open loop) from
 * the first second, with the workers running. Every answer must be 202, or 429/503 with {@code Retry-After}, and
 * every webhook answered 202 must end processed (its delivery done). Exits 1 when either fails.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.aiops.rca.bench.ColdBurstBenchmark
 * [postgres|h2] [rate=500] [seconds=10] [workers=2] [pool=10]}; the pool defaults to the service's own default.
 */
public final class ColdBurstBenchmark {

  private static final PrintStream OUT = System.out;
  private static final Duration DRAIN = Duration.ofMinutes(5);

  private ColdBurstBenchmark() {}

  public static void main(String[] args) throws Exception {
    String database = args.length > 0 ? args[0] : "postgres";
    int rate = intArg(args, 1, 500);
    int seconds = intArg(args, 2, 10);
    int workers = intArg(args, 3, 2);
    int pool = intArg(args, 4, 10);
    BenchDatabase db = BenchDatabase.open(database, "burst", pool);
    OUT.printf("database=%s rate=%d/s seconds=%d workers=%d pool=%d cpus=%d%n", database, rate, seconds, workers,
        pool, Runtime.getRuntime().availableProcessors());
    Wiring.Options options = Wiring.Options.configured().withTracker(new InMemoryIssueTracker())
        .withNotifier(new InMemoryNotifier());
    boolean ok;
    long started = System.nanoTime();
    try (RcaService service = BenchService.start(db, workers, options)) {
      OUT.printf(Locale.ROOT, "service ready in %.2f s%n", (System.nanoTime() - started) / 1e9);
      Burst burst = burst(service.port(), rate, seconds);
      OUT.println("answers: " + burst.answers);
      OUT.printf(Locale.ROOT, "202 latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", burst.p50, burst.p99, burst.max);
      boolean answersOk = burst.answers.keySet().stream().allMatch(ColdBurstBenchmark::allowed);
      boolean processed = drain(service.wiring(), burst.accepted);
      ok = answersOk && processed;
      OUT.println(ok ? "PASS: only 202 or 429/503 with Retry-After, and every 202 processed" : "FAIL");
    } finally {
      db.close();
    }
    System.exit(ok ? 0 : 1);
  }

  private static boolean allowed(String answer) {
    return answer.equals("202 accepted") || answer.equals("429 with Retry-After")
        || answer.equals("503 with Retry-After");
  }

  record Burst(Map<String, Long> answers, long accepted, double p50, double p99, double max) {}

  private static Burst burst(int port, int rate, int seconds) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(4, r -> {
          Thread t = new Thread(r, "burst-http");
          t.setDaemon(true);
          return t;
        }))
        .connectTimeout(Duration.ofSeconds(5)).build();
    URI uri = URI.create("http://127.0.0.1:" + port + "/webhooks/databricks");
    int total = rate * seconds;
    long gap = 1_000_000_000L / rate;
    Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    long[] latencies = new long[total];
    Arrays.fill(latencies, -1);
    List<CompletableFuture<?>> pending = new ArrayList<>(total);
    long start = System.nanoTime() + 5_000_000;
    for (int i = 0; i < total; i++) {
      long due = start + i * gap;
      Pacing.waitUntil(due);
      long run = 50_000_000L + i;
      String body = "{\"event\":\"on_failure\",\"run_id\":" + run + ",\"job_id\":42,\"job_name\":\"etl_orders\","
          + "\"error_message\":\"AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`t"
          + (run % 50) + "` cannot be found.\"}";
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
      int index = i;
      pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
        String answer = classify(response, error);
        answers.computeIfAbsent(answer, a -> new AtomicLong()).incrementAndGet();
        if (answer.equals("202 accepted")) {
          latencies[index] = System.nanoTime() - due;
        }
        return null;
      }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    Map<String, Long> counts = new TreeMap<>();
    answers.forEach((answer, n) -> counts.put(answer, n.get()));
    long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
    return new Burst(counts, ok.length, percentileMillis(ok, 0.50), percentileMillis(ok, 0.99),
        ok.length == 0 ? 0 : ok[ok.length - 1] / 1e6);
  }

  private static String classify(HttpResponse<String> response, Throwable error) {
    if (error != null) {
      Throwable cause = error.getCause() == null ? error : error.getCause();
      return "error " + cause.getClass().getSimpleName();
    }
    int status = response.statusCode();
    if (status == 202) {
      return response.body().contains("\"accepted\"") ? "202 accepted" : "202 " + response.body();
    }
    boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
    return status + (retryAfter ? " with Retry-After" : " without Retry-After");
  }

  /** Waits until the inbox holds nothing pending; true when every accepted webhook's delivery is done. */
  private static boolean drain(Wiring wiring, long accepted) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + DRAIN.toNanos();
    Map<DeliveryStatus, Long> counts = wiring.inbox().counts();
    while (counts.get(DeliveryStatus.PENDING) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      counts = wiring.inbox().counts();
    }
    OUT.printf(Locale.ROOT, "inbox after %.1f s: %s (202 accepted: %d)%n", (System.nanoTime() - start) / 1e9, counts,
        accepted);
    return counts.get(DeliveryStatus.PENDING) == 0 && counts.get(DeliveryStatus.DEAD) == 0
        && counts.get(DeliveryStatus.DONE) == accepted;
  }
}
