package dev.aiops.rca.app.demo;

import dev.aiops.rca.app.cli.JarCommand;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.demo.DemoCase;
import dev.aiops.rca.demo.DemoSender;
import dev.aiops.rca.demo.SimulatedPlatforms;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.port.out.IncidentRepository;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --demo}: the embedded defaults plus a simulated Databricks workspace and data factory in this
 * process, a fixed admin with a password made for this start, and a handful of recorded failures sent to the
 * service once it listens, so that a new user sees real incidents within seconds and without an account anywhere.
 */
public final class DemoMode implements AutoCloseable {

  /** Where the demo keeps its files: apart from {@code ./data}, so that demo incidents never mix with real ones. */
  public static final Path DATA_DIR = Path.of("demo-data");
  /** How long the demo waits for its incidents before it says which are missing. */
  static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Duration SPACING = Duration.ofMillis(400);

  private static final Logger LOG = LoggerFactory.getLogger(DemoMode.class);

  private final SimulatedPlatforms platforms;
  private final List<DemoCase> cases;
  private final Map<String, String> settings;
  private final PrintWriter out;

  private DemoMode(SimulatedPlatforms platforms, List<DemoCase> cases, Map<String, String> settings,
      PrintWriter out) {
    this.platforms = platforms;
    this.cases = cases;
    this.settings = settings;
    this.out = out;
  }

  /**
   * Starts the simulated platforms and makes the demo's settings. Of the environment only {@code RCA_PORT} is
   * read: the demo must not pick up real credentials or a real database from the environment or {@code .env}.
   */
  public static DemoMode start(Map<String, String> environment, PrintWriter out) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(out, "out");
    List<DemoCase> cases = DemoCase.bundled();
    SimulatedPlatforms platforms = SimulatedPlatforms.start(cases);
    String port = environment.getOrDefault("RCA_PORT", "8000");
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("RCA_PORT", port);
    settings.put("RCA_DATA_DIR", DATA_DIR.toString());
    settings.put("RCA_API_KEY", "rca_demo_" + random(24));
    settings.put("RCA_ADMIN_USER", "admin");
    settings.put("RCA_ADMIN_PASSWORD", random(18));
    settings.put("RCA_WORKERS", "2");
    // The simulated repairs and reruns take seconds: look at them often, so that an approval resolves promptly.
    settings.put("RCA_REMEDIATION_POLL", "5s");
    settings.put("RCA_DASHBOARD_URL", "http://localhost:" + port + "/");
    // The demo's failures arrive by webhook, and its simulated platforms list every run, failed or not: no sweep.
    settings.put("RCA_RECONCILE_INTERVAL", "0");
    settings.putAll(platforms.settings());
    return new DemoMode(platforms, cases, settings, out);
  }

  /** The settings {@code serve} runs with in demo mode. */
  public ConfigSource config() {
    return ConfigSource.of(settings);
  }

  /** Says loudly that this is a demo and where to look, then sends the failures from a background thread. */
  public void started(String host, int port, IncidentRepository incidents) {
    URI dashboard = announce(host, port);
    Thread sender = new Thread(() -> sendAndReport(URI.create("http://127.0.0.1:" + port + "/"), dashboard,
        incidents), "demo-sender");
    sender.setDaemon(true);
    sender.start();
  }

  /** The banner; returns the dashboard's address. */
  URI announce(String host, int port) {
    String where = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    URI dashboard = URI.create("http://" + where + ":" + port + "/");
    String rule = "=".repeat(78);
    out.println(rule);
    out.println(" DEMO MODE: nothing here is real. A simulated Databricks workspace and Azure Data Factory run");
    out.println(" inside this process on " + platforms.uri() + " with demo-only credentials; nothing leaves");
    out.println(" this machine. " + cases.size() + " recorded failures are being sent to the service now.");
    out.println();
    out.println(" Dashboard:  " + dashboard);
    out.println(" Sign in as: admin / " + settings.get("RCA_ADMIN_PASSWORD")
        + "   (a new password on every demo start)");
    out.println(" Webhook key for your own tries: " + settings.get("RCA_API_KEY"));
    out.println(" Demo data:  " + DATA_DIR.toAbsolutePath() + " (delete it to start over)");
    out.println(" For the real thing: " + JarCommand.current() + " setup, then serve.");
    out.println(rule);
    out.flush();
    return dashboard;
  }

  private void sendAndReport(URI service, URI dashboard, IncidentRepository incidents) {
    Instant started = Instant.now();
    try {
      new DemoSender(service, settings.get("RCA_API_KEY"), platforms.factoryName()).send(cases, SPACING)
          .forEach(line -> LOG.info("demo webhook {}", line));
      Set<String> runs = cases.stream().map(DemoCase::runId).collect(Collectors.toSet());
      List<Incident> filed = awaitTicketed(incidents, runs, PATIENCE);
      Duration took = Duration.between(started, Instant.now());
      out.println(">>> demo: " + filed.size() + " of " + runs.size() + " incidents filed with tickets in "
          + took.toMillis() / 100 / 10.0 + " s; see " + dashboard);
      filed.stream().sorted(Comparator.comparing(Incident::firstSeen)).forEach(incident -> out.println(">>>   "
          + incident.ticket().map(TicketRef::key).orElse("-") + " " + incident.analysis().category() + " in "
          + incident.jobName() + ": " + incident.analysis().rootCauseLine()));
      out.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The incidents that the given runs opened and that have their ticket, once all have or the time is up. */
  static List<Incident> awaitTicketed(IncidentRepository incidents, Set<String> runs, Duration patience)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (true) {
      List<Incident> filed = incidents.list(IncidentQuery.all(1000)).stream()
          .filter(incident -> runs.contains(incident.firstRun().runId().value()) && incident.ticket().isPresent())
          .toList();
      if (filed.size() >= runs.size() || Instant.now().isAfter(deadline)) {
        return filed;
      }
      Thread.sleep(200);
    }
  }

  private static String random(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  @Override
  public void close() {
    platforms.close();
  }
}
