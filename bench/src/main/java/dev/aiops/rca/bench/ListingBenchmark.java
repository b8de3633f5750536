package dev.aiops.rca.bench;

import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.adapter.jdbc.JdbcStore;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.testkit.Samples;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The dashboard's reads on a large store: the statistics (counts by source, category and status, and runs per day
 * over 14 days) and the first and last page of the listing, timed on the repository over {@code incidents}
 * incidents spread over 60 days, and the read the statistics made before (the newest 1,000 incidents) for scale.
 * The incidents are written in batches straight into the tables (one filed through the repository gives the row
 * shape), since filing 100,000 runs one by one would take longer than the reads.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.aiops.rca.bench.ListingBenchmark [h2|postgres]
 * [incidents=100000] [iterations=20]}.
 */
public final class ListingBenchmark {

  private static final PrintStream OUT = System.out;
  private static final Duration SPREAD = Duration.ofDays(60);

  private ListingBenchmark() {}

  public static void main(String[] args) throws Exception {
    String database = args.length > 0 ? args[0] : "h2";
    int incidents = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    BenchDatabase db = BenchDatabase.open(database, "listing", 4);
    Instant now = Instant.now();
    try (JdbcStore store = JdbcStore.open(db.settings())) {
      IncidentRepository repository = store.incidents();
      long loading = System.nanoTime();
      repository.file(new IncidentDraft(RunKey.of(Source.DATABRICKS, "1"), signature(0), "job_0", now,
          Samples.analysis(Category.TABLE_OR_VIEW_NOT_FOUND, "[TABLE_OR_VIEW_NOT_FOUND] prod.t0")));
      load(db.settings(), incidents, now);
      OUT.printf(Locale.ROOT, "database=%s incidents=%d loaded in %.1f s, iterations=%d%n", database, incidents,
          (System.nanoTime() - loading) / 1e9, iterations);
      IncidentQuery all = IncidentQuery.all(50);
      IncidentQuery adf = new IncidentQuery(Optional.of(Source.ADF), Optional.empty(), Optional.empty(),
          Optional.empty(), 50);
      Instant from = now.minus(Duration.ofDays(14));
      Instant to = now.plusSeconds(1);
      time("stats (counts + runs per day), all", iterations, () -> {
        repository.count(all);
        return repository.failuresPerDay(all, from, to);
      });
      time("  of which counts", iterations, () -> repository.count(all));
      time("  of which runs per day", iterations, () -> repository.failuresPerDay(all, from, to));
      time("stats, source=ADF", iterations, () -> {
        repository.count(adf);
        return repository.failuresPerDay(adf, from, to);
      });
      time("first page of 50, with total", iterations, () -> repository.page(all, 0));
      time("last page of 50, with total", iterations, () -> repository.page(all, incidents - 50L));
      time("first page of 50 + stats (the list page)", iterations, () -> {
        repository.count(all);
        repository.failuresPerDay(all, from, to);
        return repository.page(all, 0);
      });
      time("before: newest 1,000 loaded (the old stats' read)", iterations,
          () -> repository.list(IncidentQuery.all(1000)));
      OUT.println("check: total " + repository.count(all).total() + ", ADF " + repository.count(adf).total());
    } finally {
      db.close();
    }
  }

  /** Writes incidents 2..{@code incidents}, each with one filed run, copying the first one's analysis. */
  private static void load(JdbcSettings settings, int incidents, Instant now) throws Exception {
    try (Connection c = DriverManager.getConnection(settings.url(), settings.user(),
        settings.password().orElse(null))) {
      if (settings.schema().isPresent()) {
        c.setSchema(settings.schema().get());
      }
      c.setAutoCommit(false);
      String analysis;
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT analysis FROM incidents")) {
        rs.next();
        analysis = rs.getString(1);
      }
      long step = SPREAD.toMillis() / incidents;
      Category[] categories = Category.values();
      try (PreparedStatement incident = c.prepareStatement("""
              INSERT INTO incidents (id, signature, open_signature, first_source, first_run_id, job_name, status,
                  category, occurrences, first_seen, last_seen, analysis, cost_tags, impact)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, '{}', '[]')""");
          PreparedStatement run = c.prepareStatement(
              "INSERT INTO occurrences (source, run_id, incident_id, occurred_at) VALUES (?, ?, ?, ?)")) {
        for (int i = 2; i <= incidents; i++) {
          Source source = i % 7 == 0 ? Source.ADF : Source.DATABRICKS;
          IncidentStatus status = i % 3 == 0 ? IncidentStatus.RESOLVED : IncidentStatus.OPEN;
          var at = now.minusMillis(step * i).atOffset(ZoneOffset.UTC);
          String signature = signature(i).value();
          incident.setLong(1, i);
          incident.setString(2, signature);
          incident.setString(3, status == IncidentStatus.OPEN ? signature : null);
          incident.setString(4, source.name());
          incident.setString(5, Integer.toString(i));
          incident.setString(6, "job_" + (i % 500));
          incident.setString(7, status.name());
          incident.setString(8, categories[i % categories.length].name());
          incident.setObject(9, at);
          incident.setObject(10, at);
          incident.setString(11, analysis);
          incident.addBatch();
          run.setString(1, source.name());
          run.setString(2, Integer.toString(i));
          run.setLong(3, i);
          run.setObject(4, at);
          run.addBatch();
          if (i % 1000 == 0 || i == incidents) {
            incident.executeBatch();
            run.executeBatch();
            c.commit();
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("ALTER SEQUENCE incident_ids RESTART WITH " + (incidents + 1));
        if (settings.isPostgres()) {
          s.execute("ANALYZE incidents");
          s.execute("ANALYZE occurrences");
        }
      }
      c.commit();
    }
  }

  private static ErrorSignature signature(int i) {
    return new ErrorSignature(String.format("%064x", i));
  }

  private static void time(String name, int iterations, Supplier<Object> read) {
    for (int i = 0; i < Math.max(3, iterations / 4); i++) {
      read.get();
    }
    long[] took = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      read.get();
      took[i] = System.nanoTime() - start;
    }
    Arrays.sort(took);
    OUT.printf(Locale.ROOT, "%-50s p50 %8.1f ms  max %8.1f ms%n", name, took[iterations / 2] / 1e6,
        took[iterations - 1] / 1e6);
  }
}
