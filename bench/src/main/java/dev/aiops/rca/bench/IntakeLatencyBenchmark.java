package dev.aiops.rca.bench;

import static dev.aiops.rca.bench.Figures.percentileMillis;

import dev.aiops.rca.adapter.web.RcaHttpServer;
import dev.aiops.rca.app.RcaService;
import dev.aiops.rca.app.Wiring;
import io.javalin.config.JavalinConfig;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Intake latency under open-loop load, and the packaged service's footprint.
 *
 * <p>{@code latency} mode: one {@link RcaHttpServer} (H2 file or PostgreSQL) with one extra route,
 * {@code POST /bench/noop}, registered on the same Javalin instance through the server's {@code pages} hook; it reads
 * the body and answers {@code 202 {"status":"accepted"}} at once. Requests are scheduled at a constant rate whatever
 * the answers (open loop), and a latency runs from the request's scheduled time to its answer, so queueing in the
 * client or the server counts (no coordinated omission). Each offered rate is run against both endpoints on the same
 * server; p50, p99 and the ratio are printed as a Markdown table and drawn to a PNG.
 *
 * <p>Usage: {@code java -Djava.awt.headless=true -cp bench/target/benchmarks.jar
 * dev.aiops.rca.bench.IntakeLatencyBenchmark latency h2|postgres [secondsPerRate=8] [rates=100,250,500,1000,2000]
 * [png=docs/intake-latency.png]}
 *
 * <p>{@code footprint} mode: spawns {@code java -jar app-http/target/rca-assistant.jar serve} as a child process
 * ({@code RCA_DATA_DIR} in a temp directory, {@code RCA_API_KEY} set, a free {@code RCA_PORT}), times process start to
 * {@code /health/ready} 200 for {@code starts} fresh starts, then reads {@code VmRSS} from {@code /proc/<pid>/status}
 * when idle and while driving {@code rate} webhooks/s for {@code seconds}.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.aiops.rca.bench.IntakeLatencyBenchmark footprint
 * [jar=app-http/target/rca-assistant.jar] [starts=3] [rate=500] [seconds=10]}
 */
public final class IntakeLatencyBenchmark {

  private static final PrintStream OUT = System.out;
  private static final String API_KEY = "bench-key-0123456789abcdef";
  private static final AtomicLong RUN_IDS = new AtomicLong(10_000_000);

  private IntakeLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "latency";
    if (mode.equals("footprint")) {
      footprint(arg(args, 1, "app-http/target/rca-assistant.jar"), Integer.parseInt(arg(args, 2, "3")),
          Integer.parseInt(arg(args, 3, "500")), Integer.parseInt(arg(args, 4, "10")));
    } else {
      int[] rates = Arrays.stream(arg(args, 3, "100,250,500,1000,2000").split(","))
          .mapToInt(Integer::parseInt).toArray();
      latency(arg(args, 1, "h2"), Integer.parseInt(arg(args, 2, "8")), rates,
          Path.of(arg(args, 4, "docs/intake-latency.png")));
    }
  }

  // ---------------------------------------------------------------------------------------------- latency

  private static void latency(String database, int seconds, int[] rates, Path png) throws Exception {
    BenchDatabase db = BenchDatabase.open(database, "latency", 32);
    OUT.printf("database=%s seconds/rate=%d rates=%s cpus=%d java=%s%n", database, seconds, Arrays.toString(rates),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    List<double[]> rows = new ArrayList<>(); // rate, intake p50, p99, noop p50, p99
    // The no-op route lives on the very same Javalin (same Jetty pool, same settings) as the webhook route.
    Consumer<JavalinConfig> noop = config -> config.routes.post("/bench/noop", ctx -> {
      ctx.body();
      ctx.status(202).contentType("application/json").result("{\"status\":\"accepted\"}");
    });
    // Only the intake is timed: the workers stay idle.
    RcaService.Launch launch = BenchService.launch(db, 1, Wiring.Options.configured()).withWorkersIdle()
        .withMoreRoutes(noop);
    try (RcaService service = RcaService.start(launch)) {
      URI webhook = service.uri().resolve("/webhooks/databricks");
      URI noopUri = service.uri().resolve("/bench/noop");
      HttpClient http = client();
      OUT.println("warm-up: 3 s at 500/s on each endpoint");
      openLoop(http, webhook, Map.of(), 500, 3);
      openLoop(http, noopUri, Map.of(), 500, 3);
      OUT.println();
      OUT.println("| offered req/s | endpoint | sent | 202 | other/failed | achieved req/s | p50 ms | p99 ms | max ms |");
      OUT.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
      for (int rate : rates) {
        Result n = openLoop(http, noopUri, Map.of(), rate, seconds);
        printRow(rate, "no-op", n);
        Result w = openLoop(http, webhook, Map.of(), rate, seconds);
        printRow(rate, "/webhooks/databricks", w);
        rows.add(new double[] {rate, w.p50, w.p99, n.p50, n.p99});
        Thread.sleep(1_000);
      }
    } finally {
      db.close();
    }
    OUT.println();
    OUT.println("| offered req/s | intake p50 | intake p99 | no-op p50 | no-op p99 | ratio p50 | ratio p99 |");
    OUT.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (double[] r : rows) {
      OUT.printf(Locale.ROOT, "| %.0f | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.1f× | %.1f× |%n", r[0], r[1], r[2],
          r[3], r[4], r[1] / r[3], r[2] / r[4]);
    }
    plot(rows, database, seconds, png);
    OUT.println("plot: " + png);
  }

  private static void printRow(int rate, String endpoint, Result r) {
    OUT.printf(Locale.ROOT, "| %d | %s | %d | %d | %d | %.0f | %.2f | %.2f | %.1f |%n", rate, endpoint, r.sent,
        r.accepted, r.other, r.achieved, r.p50, r.p99, r.max);
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(4, r -> {
          Thread t = new Thread(r, "bench-http");
          t.setDaemon(true);
          return t;
        }))
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  record Result(long sent, long accepted, long other, double achieved, double p50, double p99, double max) {}

  /**
   * Sends {@code rate} requests a second for {@code seconds}, each at its scheduled time whatever the answers to
   * the earlier ones; a latency is from the scheduled time to the answer.
   */
  private static Result openLoop(HttpClient http, URI uri, Map<String, String> headers, int rate, int seconds) {
    int total = rate * seconds;
    long gap = 1_000_000_000L / rate;
    long[] latencies = new long[total];
    Arrays.fill(latencies, -1);
    AtomicLong accepted = new AtomicLong();
    AtomicLong other = new AtomicLong();
    List<CompletableFuture<?>> answers = new ArrayList<>(total);
    long start = System.nanoTime() + 5_000_000;
    for (int i = 0; i < total; i++) {
      long due = start + i * gap;
      Pacing.waitUntil(due);
      long run = RUN_IDS.incrementAndGet();
      String body = "{\"event\":\"on_failure\",\"run_id\":" + run + ",\"job_id\":42,\"job_name\":\"etl_orders\","
          + "\"error_message\":\"AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`t"
          + (run % 50) + "` cannot be found.\"}";
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(request::header);
      int index = i;
      answers.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
        long took = System.nanoTime() - due;
        if (error == null && response.statusCode() == 202 && response.body().contains("accepted")) {
          accepted.incrementAndGet();
          latencies[index] = took;
        } else {
          other.incrementAndGet();
        }
        return null;
      }));
    }
    long sentAt = System.nanoTime();
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    double elapsed = (sentAt - start) / 1e9;
    long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
    return new Result(total, accepted.get(), other.get(), total / Math.max(elapsed, 1e-9),
        percentileMillis(ok, 0.50), percentileMillis(ok, 0.99), ok.length == 0 ? 0 : ok[ok.length - 1] / 1e6);
  }


  // ---------------------------------------------------------------------------------------------- plot

  private static void plot(List<double[]> rows, String database, int seconds, Path png) throws IOException {
    int w = 900;
    int h = 560;
    int left = 80;
    int right = 30;
    int top = 60;
    int bottom = 70;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    double xMin = Math.log10(rows.stream().mapToDouble(r -> r[0]).min().orElse(100) / 1.25);
    double xMax = Math.log10(rows.stream().mapToDouble(r -> r[0]).max().orElse(2000) * 1.25);
    double yLow = rows.stream().flatMapToDouble(r -> Arrays.stream(r, 1, 5)).filter(v -> v > 0).min().orElse(0.1);
    double yHigh = rows.stream().flatMapToDouble(r -> Arrays.stream(r, 1, 5)).max().orElse(100);
    double yMin = Math.floor(Math.log10(yLow));
    double yMax = Math.ceil(Math.log10(yHigh));
    if (yMax <= yMin) {
      yMax = yMin + 1;
    }
    int pw = w - left - right;
    int ph = h - top - bottom;
    double fxMin = xMin;
    double fxMax = xMax;
    double fyMin = yMin;
    double fyMax = yMax;
    java.util.function.DoubleUnaryOperator px = x -> left + (Math.log10(x) - fxMin) / (fxMax - fxMin) * pw;
    java.util.function.DoubleUnaryOperator py = y -> top + ph - (Math.log10(Math.max(y, 1e-3)) - fyMin)
        / (fyMax - fyMin) * ph;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    // grid: decades and 2, 5 on the y axis; the offered rates on the x axis
    for (int d = (int) yMin; d <= (int) yMax; d++) {
      for (int m : new int[] {1, 2, 5}) {
        double v = m * Math.pow(10, d);
        if (Math.log10(v) > yMax + 1e-9) {
          continue;
        }
        int y = (int) py.applyAsDouble(v);
        g.setColor(m == 1 ? new Color(200, 200, 200) : new Color(235, 235, 235));
        g.drawLine(left, y, left + pw, y);
        g.setColor(Color.DARK_GRAY);
        String label = v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%s", v);
        g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 4);
      }
    }
    for (double[] r : rows) {
      int x = (int) px.applyAsDouble(r[0]);
      g.setColor(new Color(225, 225, 225));
      g.drawLine(x, top, x, top + ph);
      g.setColor(Color.DARK_GRAY);
      String label = String.format(Locale.ROOT, "%.0f", r[0]);
      g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, top + ph + 18);
    }
    g.setColor(Color.BLACK);
    g.drawRect(left, top, pw, ph);
    g.drawString("offered load (requests/s, open loop, log scale)", left + pw / 2 - 140, h - 25);
    Graphics2D v = (Graphics2D) g.create();
    v.rotate(-Math.PI / 2);
    v.drawString("latency (ms, log scale)", -(top + ph / 2 + 65), 22);
    v.dispose();
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString("Intake latency vs offered load — " + (database.equals("postgres") ? "PostgreSQL" : "H2 file")
        + ", " + seconds + " s per rate, 2 vCPUs", left, 30);
    Color intakeColor = new Color(31, 119, 180);
    Color noopColor = new Color(255, 127, 14);
    Object[][] series = {
        {"/webhooks/databricks p99", intakeColor, 2, true},
        {"/webhooks/databricks p50", intakeColor, 1, false},
        {"no-op 202 p99", noopColor, 4, true},
        {"no-op 202 p50", noopColor, 3, false}};
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int legendY = top + 18;
    for (Object[] s : series) {
      Color color = (Color) s[1];
      int column = (Integer) s[2];
      boolean dashed = (Boolean) s[3];
      g.setColor(color);
      g.setStroke(dashed ? new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
          new float[] {8f, 5f}, 0f) : new BasicStroke(2.2f));
      int prevX = -1;
      int prevY = -1;
      for (double[] r : rows) {
        int x = (int) px.applyAsDouble(r[0]);
        int y = (int) py.applyAsDouble(r[column]);
        if (prevX >= 0) {
          g.drawLine(prevX, prevY, x, y);
        }
        g.fillOval(x - 4, y - 4, 8, 8);
        prevX = x;
        prevY = y;
      }
      g.drawLine(left + 14, legendY - 4, left + 44, legendY - 4);
      g.setStroke(new BasicStroke(1f));
      g.setColor(Color.BLACK);
      g.drawString((String) s[0], left + 52, legendY);
      legendY += 18;
    }
    g.dispose();
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ImageIO.write(image, "png", png.toFile());
  }

  // ---------------------------------------------------------------------------------------------- footprint

  private static void footprint(String jar, int starts, int rate, int seconds) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    OUT.printf("footprint: %s serve, %d starts, then %d webhooks/s for %d s; cpus=%d java=%s%n", jar, starts, rate,
        seconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    HttpClient http = client();
    Process process = null;
    List<Double> readies = new ArrayList<>();
    int port = 0;
    for (int s = 1; s <= starts; s++) {
      Path dataDir = Files.createTempDirectory("rca-footprint");
      port = freePort();
      ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar, "serve")
          .redirectErrorStream(true).redirectOutput(dataDir.resolve("serve.log").toFile());
      builder.environment().put("RCA_DATA_DIR", dataDir.toString());
      builder.environment().put("RCA_API_KEY", API_KEY);
      builder.environment().put("RCA_PORT", Integer.toString(port));
      builder.environment().put("RCA_WEBHOOK_RATE", "100000");
      long t0 = System.nanoTime();
      process = builder.start();
      URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
      long deadline = t0 + Duration.ofSeconds(120).toNanos();
      boolean up = false;
      while (System.nanoTime() < deadline && process.isAlive()) {
        try {
          if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            up = true;
            break;
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(5);
      }
      double took = (System.nanoTime() - t0) / 1e6;
      if (!up) {
        throw new IllegalStateException("the service was not ready; see " + dataDir.resolve("serve.log"));
      }
      readies.add(took);
      OUT.printf(Locale.ROOT, "start %d: process start to /health/ready 200 in %.0f ms (pid %d, data %s)%n", s, took,
          process.pid(), dataDir);
      if (s < starts) {
        process.destroy();
        process.waitFor();
      }
    }
    OUT.printf(Locale.ROOT, "ready: median %.0f ms, min %.0f, max %.0f over %d starts%n",
        readies.stream().sorted().toList().get(readies.size() / 2),
        readies.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        readies.stream().mapToDouble(Double::doubleValue).max().orElse(0), readies.size());
    long pid = process.pid();
    try {
      OUT.printf(Locale.ROOT, "RSS just ready: %d MB%n", rssKb(pid) / 1024);
      Thread.sleep(10_000);
      OUT.printf(Locale.ROOT, "RSS idle (10 s after ready): %d MB%n", rssKb(pid) / 1024);
      long[] peak = {0};
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          try {
            peak[0] = Math.max(peak[0], rssKb(pid));
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          } catch (IOException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
      URI webhook = URI.create("http://127.0.0.1:" + port + "/webhooks/databricks");
      Result r = openLoop(http, webhook, Map.of("X-API-Key", API_KEY), rate, seconds);
      long atEnd = rssKb(pid);
      sampler.interrupt();
      sampler.join();
      OUT.printf(Locale.ROOT, "load: %d sent, %d accepted (202), %d other; p50 %.2f ms, p99 %.2f ms, max %.1f ms%n",
          r.sent, r.accepted, r.other, r.p50, r.p99, r.max);
      OUT.printf(Locale.ROOT, "RSS under %d webhooks/s: peak %d MB, at the end %d MB%n", rate, peak[0] / 1024,
          atEnd / 1024);
      Thread.sleep(5_000);
      OUT.printf(Locale.ROOT, "RSS 5 s after the load: %d MB%n", rssKb(pid) / 1024);
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String arg(String[] args, int index, String fallback) {
    return args.length > index ? args[index] : fallback;
  }
}
