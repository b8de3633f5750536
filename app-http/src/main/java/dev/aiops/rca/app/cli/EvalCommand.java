package dev.aiops.rca.app.cli;

import dev.aiops.rca.app.cli.eval.CaseAnalysis;
import dev.aiops.rca.app.cli.eval.CaseReader;
import dev.aiops.rca.app.cli.eval.EvalCase;
import dev.aiops.rca.app.cli.eval.Scorecard;
import dev.aiops.rca.app.cli.eval.Scorer;
import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs the offline analysis over labelled cases and scores it. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse labelled cases and score the results as eval/README.md describes.",
      "Scores full correctness, category, root error, must-mention and failed task, per category. Prints a table,"
          + " the classifier layer that decided each case, a per-layer table, the misses and a last summary line."
          + " Exits 1 with a one-line reason when DIR holds no labelled case or a file is not a case."
    })
public final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A folder of case files (or one case file).")
  Path dir;

  @Option(names = "--without-signatures", description = "Turn off the hand-written signatures (layer 1) and classify"
      + " with the platforms' catalogues alone, to see how far the classifier generalises.")
  boolean withoutSignatures;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scorecard scorecard;
    try {
      scorecard = evaluate(dir, withoutSignatures ? RuleBasedAnalyzer.withoutSignatures()
          : RuleBasedAnalyzer.withDefaultCatalogue());
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println(e.getMessage());
      return 1;
    }
    if (scorecard.cases().isEmpty()) {
      // An empty score would read as a pass in a script; a wrong path must fail.
      err.println(dir + ": no labelled case (a .json file with \"expected\") to score.");
      return 1;
    }
    out.print(scorecard.render());
    out.flush();
    return 0;
  }

  /** Scores every labelled case under a path. */
  public static Scorecard evaluate(Path path) {
    return evaluate(path, RuleBasedAnalyzer.withDefaultCatalogue());
  }

  /** Scores every labelled case under a path with the given analyzer. */
  public static Scorecard evaluate(Path path, RuleBasedAnalyzer analyzer) {
    CaseAnalysis analysis = new CaseAnalysis(analyzer);
    Scorer scorer = new Scorer();
    List<Scorer.CaseScore> scores = new ArrayList<>();
    for (EvalCase evalCase : new CaseReader().read(path)) {
      evalCase.expected().ifPresent(expected -> scores.add(scorer.score(expected, analysis.analyze(evalCase))));
    }
    return new Scorecard(scores);
  }
}
