package dev.aiops.rca.bench;

import dev.aiops.rca.core.classify.Classifier;
import dev.aiops.rca.core.classify.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The layered classifier on one statement, by the layer that decides it: a condition tag (layer 2, the cheapest
 * way out), a Spark message that lost its tag (layer 2b, through the template index), a phrase cue (layer 6, after
 * every other layer has looked), and a line that states nothing (every layer looks and none concludes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ClassifierBenchmark {

  private static final List<String> STATEMENTS = List.of(
      "org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `main`.`sales`.`orders`"
          + " cannot be found. Verify the spelling and correctness of the schema and catalog. SQLSTATE: 42P01",
      "org.apache.spark.SparkRuntimeException: The value 'N/A' of the type \"STRING\" cannot be cast to \"INT\" "
          + "because it is malformed. Correct the value as per the syntax, or change its target type.",
      "Failed to open the connection: the remote host closed the socket after the handshake",
      "Processing batch 17 of 42 for partition date=2026-01-01 with 1,204 rows written to the staging area");

  @Param({"identifier", "template", "phrase", "nothing"})
  public String kind;

  private final Classifier classifier = Classifier.standard();

  @Benchmark
  public Optional<Verdict> classify() {
    return classifier.classify(STATEMENTS.get(switch (kind) {
      case "identifier" -> 0;
      case "template" -> 1;
      case "phrase" -> 2;
      default -> 3;
    }));
  }
}
