package dev.aiops.rca.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.app.cli.eval.CaseAnalysis;
import dev.aiops.rca.app.cli.eval.CaseReader;
import dev.aiops.rca.app.cli.eval.EvalCase;
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

/** Analyses case files offline with the rules and prints one result per case. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse failure case files (eval/README.md format) offline with the rules.",
      "Reads only each case's input; prints one result per case. Needs no configuration. Exits 1 with a one-line"
          + " reason when a path is missing, holds no case or is not a case."
    })
public final class AnalyzeCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { jsonl, text }

  @Spec CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl or text (default: ${DEFAULT-VALUE}).")
  Format format = Format.jsonl;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Case files or folders of case files.")
  List<Path> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CaseReader reader = new CaseReader();
    List<EvalCase> cases = new ArrayList<>();
    try {
      for (Path path : paths) {
        List<EvalCase> read = reader.read(path);
        if (read.isEmpty()) {
          err.println(path + ": no case (.json file) in this folder.");
          return 1;
        }
        cases.addAll(read);
      }
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println(e.getMessage());
      return 1;
    }
    CaseAnalysis analysis = new CaseAnalysis(RuleBasedAnalyzer.withDefaultCatalogue());
    ObjectMapper json = new ObjectMapper();
    for (EvalCase evalCase : cases) {
      CaseAnalysis.Prediction p = analysis.analyze(evalCase);
      if (format == Format.jsonl) {
        ObjectNode line = json.createObjectNode();
        line.put("id", p.id());
        line.put("source", evalCase.source());
        line.put("category", p.analysis().category().name());
        line.put("failed_task", p.analysis().failedTask());
        line.put("root_error", p.analysis().rootCauseLine());
        line.put("confidence", p.analysis().confidence());
        line.put("layer", p.analysis().classification().layer().label());
        line.put("layer_evidence", p.analysis().classification().evidence());
        line.put("signature", p.signature());
        line.put("rca", p.rca());
        out.println(line.toString());
      } else {
        out.println("=== " + p.id() + " (signature " + p.signature().substring(0, 12) + ")");
        out.println(p.rca());
      }
    }
    out.flush();
    return 0;
  }
}
