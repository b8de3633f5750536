package dev.aiops.rca.core.redaction;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.domain.Termination;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Evidence seeded with planted secrets of every kind the {@link Redactor} knows, for canary tests here and, through
 * the rca-core test-jar, at the pipeline level: seed a run with {@link #failedRun}, capture everything that leaves,
 * and expect {@link #survivorsIn} to be empty.
 */
public final class CanaryCorpus {

  /** One planted secret: the placeholder kind it should become and its exact text. */
  public record Canary(RedactionKind kind, String value) {
    public Canary {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
    }
  }

  private static final String EVIDENCE = resource("canary-evidence.txt");
  private static final List<Canary> CANARIES = resource("canaries.tsv").lines()
      .filter(line -> !line.isBlank() && !line.startsWith("#"))
      .map(line -> line.split("\t", 2))
      .map(parts -> new Canary(RedactionKind.valueOf(parts[0]), parts[1]))
      .toList();

  private CanaryCorpus() {}

  /** Fifty lines of job output with every canary planted in a realistic context. */
  public static String evidence() {
    return EVIDENCE;
  }

  public static List<Canary> canaries() {
    return CANARIES;
  }

  /** The secrets to configure as the service's own, so that the {@code KNOWN_SECRET} canary is caught. */
  public static Set<String> knownSecrets() {
    return Set.copyOf(CANARIES.stream()
        .filter(c -> c.kind() == RedactionKind.KNOWN_SECRET).map(Canary::value).toList());
  }

  /** Default settings plus {@link #knownSecrets()}. */
  public static RedactionSettings settings() {
    return RedactionSettings.defaults().withKnownSecrets(knownSecrets());
  }

  /** The canaries still readable in {@code text}; empty when redaction worked. */
  public static List<Canary> survivorsIn(String text) {
    return CANARIES.stream().filter(c -> text.contains(c.value())).toList();
  }

  /**
   * A failed Databricks run whose every free text carries the corpus: the webhook's error and raw payload, the run
   * and task state messages, the termination message, the task's error message, trace and logs, details and tags.
   */
  public static FailedRun failedRun(String runId) {
    String firstLine = EVIDENCE.lines().skip(1).findFirst().orElseThrow();
    FailureEvent event = new FailureEvent(RunKey.of(Source.DATABRICKS, runId), "42", "etl_orders",
        "adb-1.azuredatabricks.net", Instant.parse("2026-11-26T10:00:00Z"), Optional.of(EVIDENCE),
        "{\"event_type\":\"jobs.on_failure\",\"run\":{\"run_id\":" + runId + "},\"note\":" + quoted(EVIDENCE) + "}");
    RunState taskState = new RunState(RunOutcome.FAILED, "TERMINATED", "FAILED", EVIDENCE,
        Optional.of(new Termination("DRIVER_ERROR", "CLIENT_ERROR", EVIDENCE)), false);
    TaskRun task = new TaskRun("load_users", new RunId(runId + "1"), "notebook_task", List.of(), taskState, 0,
        Optional.of(new TaskError(firstLine, EVIDENCE, EVIDENCE, false, "", "")), Optional.empty(),
        Optional.empty(), Map.of("notebook_path", "/Repos/etl/ETL_Transform", "base_parameters", EVIDENCE,
            "db_password", "CaNaRy-detail-password"));
    return new FailedRun(event, "etl_orders", Optional.of("https://adb-1.azuredatabricks.net/#job/42/run/" + runId),
        RunState.failed(EVIDENCE), List.of(task), Map.of("owner", EVIDENCE));
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static String resource(String name) {
    try (InputStream in = CanaryCorpus.class.getResourceAsStream("/redaction/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /redaction/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
