package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureChain;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.domain.Termination;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders an analysis as the text a ticket carries: specific, short, and readable without the platform open. */
public final class RcaReport {

  private static final int MAX_SETTINGS = 16;
  private static final String RULES_ANALYZER = "rules";
  private static final int MAX_TASKS = 12;
  private static final Map<Category, String> DEFINITIONS = definitions();

  private RcaReport() {}

  public static String render(FailedRun run, RootCauseAnalysis analysis) {
    StringBuilder text = new StringBuilder();
    // The job is where the failure happened: the innermost run of its chain, the wrappers are its impact.
    FailureChain.Link job = run.chain().innermost();
    String platform = job.run().source().name().toLowerCase(Locale.ROOT);
    text.append("Job: ").append(job.displayName());
    if (!job.jobId().isBlank() && !job.jobId().equals(job.displayName())) {
      text.append(" (").append(platform).append(" job ").append(job.jobId()).append(')');
    }
    text.append(", run ").append(job.run().runId()).append('\n');
    List<String> impact = FailureImpact.wrappers(run);
    if (!impact.isEmpty()) {
      text.append("Impact: wrapped by ").append(String.join("; ", impact)).append('\n');
    }
    Optional<TaskRun> failed = failedTask(run, analysis.failedTask());
    Optional<TaskRun> shown = failed.or(() -> wrapperNaming(run, analysis.failedTask()).flatMap(w -> failedTask(run, w)));
    text.append("Failed task: ").append(analysis.failedTask().isBlank() ? "(unknown)" : analysis.failedTask());
    shown.ifPresent(t -> text.append(" [").append(t.kind()).append(", ").append(t.state().resultState())
        .append(']'));
    Optional<String> parent = failed.flatMap(TaskRun::parent).or(() -> wrapperNaming(run, analysis.failedTask()));
    parent.ifPresent(p -> text.append(" inside ").append(p));
    text.append('\n');
    boolean thin = analysis.has(AnalysisFlag.INSUFFICIENT_EVIDENCE);
    text.append("Root cause: ").append(analysis.rootCauseLine().isBlank() ? "(no error text)" : analysis.rootCauseLine())
        .append('\n');
    text.append("Category: ").append(analysis.category()).append(" - ")
        .append(DEFINITIONS.getOrDefault(analysis.category(), "")).append('\n');
    if (thin) {
      text.append("Assessment: ").append(analysis.summary()).append('\n');
    } else if (!analysis.analyzer().startsWith(RULES_ANALYZER)) {
      // A model's explanation is what its call paid for; the rules' own summary only repeats category and task.
      text.append("Analysis: ").append(analysis.summary().strip().replace("\n", "\n  ")).append('\n');
    }
    platformCodes(run, shown).ifPresent(codes -> text.append("Platform: ").append(codes).append('\n'));
    if (!analysis.entities().isEmpty()) {
      text.append("Entities: ").append(analysis.entities().stream()
          .map(RcaReport::entity)
          .collect(Collectors.joining("; "))).append('\n');
    }
    failed.ifPresent(t -> settings(t).ifPresent(s -> text.append("Settings: ").append(s).append('\n')));
    parent.flatMap(p -> failedTask(run, p))
        .flatMap(RcaReport::settings).ifPresent(s -> text.append("Wrapper settings: ").append(s).append('\n'));
    failed.ifPresent(t -> childRuns(run, t).ifPresent(c -> text.append("Child runs: ").append(c).append('\n')));
    joined(ImpactedTasks.describe(run, analysis.failedTask()))
        .ifPresent(o -> text.append("Impacted tasks (held back by this failure): ").append(o).append('\n'));
    joined(otherTasks(run, analysis.failedTask())).ifPresent(o -> text.append("Other tasks: ").append(o).append('\n'));
    text.append("Recommended actions:\n");
    int n = 1;
    for (String action : analysis.recommendedActions()) {
      text.append("  ").append(n++).append(". ").append(action).append('\n');
    }
    if (!analysis.evidence().isEmpty()) {
      text.append("Evidence:\n");
      analysis.evidence().forEach(line -> text.append("  > ").append(line).append('\n'));
    }
    run.runPageUrl().ifPresent(url -> text.append("Run page: ").append(url).append('\n'));
    text.append("Analyzer: ").append(analysis.analyzer())
        .append(String.format(Locale.ROOT, " (confidence %.2f)", analysis.confidence())).append('\n');
    text.append("Classified by: ").append(analysis.classification().describe()).append('\n');
    return text.toString();
  }

  private static Optional<TaskRun> failedTask(FailedRun run, String name) {
    List<TaskRun> named = run.tasks().stream().filter(t -> t.name().equals(name)).toList();
    return named.stream().filter(RootTaskSelector::hasFailed).reduce((a, b) -> b.attempt() >= a.attempt() ? b : a)
        .or(() -> named.stream().findFirst());
  }

  /** The wrapper activity whose error names an inner activity the platform did not list (a child pipeline's). */
  private static Optional<String> wrapperNaming(FailedRun run, String name) {
    if (name.isBlank() || run.tasks().stream().anyMatch(t -> t.name().equals(name))) {
      return Optional.empty();
    }
    return run.tasks().stream().filter(RootTaskSelector::isWrapper)
        .filter(t -> t.error().map(e -> e.message().contains(name)).orElse(false))
        .map(TaskRun::name).findFirst();
  }

  private static Optional<String> platformCodes(FailedRun run, Optional<TaskRun> task) {
    StringBuilder codes = new StringBuilder();
    task.flatMap(TaskRun::error).ifPresent(e -> {
      if (!e.code().isBlank()) {
        codes.append("error code ").append(e.code()).append("; ");
      }
      if (!e.failureType().isBlank()) {
        codes.append("failure type ").append(e.failureType()).append("; ");
      }
    });
    task.flatMap(t -> t.state().termination()).ifPresent(t -> codes.append(termination("task", t)));
    run.state().termination().ifPresent(t -> codes.append(termination("run", t)));
    String result = codes.toString().strip();
    return result.isEmpty() ? Optional.empty() : Optional.of(result.replaceAll(";$", ""));
  }

  private static String termination(String level, Termination t) {
    return level + " termination " + t.code() + (t.type().isBlank() ? "" : " (" + t.type() + ")") + "; ";
  }

  private static Optional<String> settings(TaskRun task) {
    String joined = task.details().entrySet().stream()
        .filter(e -> !e.getKey().equals(RootTaskSelector.RUN_TYPE))
        .sorted(Map.Entry.comparingByKey())
        .limit(MAX_SETTINGS)
        .map(e -> e.getKey() + "=" + EvidenceScanner.cut(e.getValue(), 200))
        .collect(Collectors.joining("; "));
    return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
  }

  private static Optional<String> childRuns(FailedRun run, TaskRun task) {
    String joined = RootTaskSelector.childrenOf(run, task).stream()
        .map(c -> c.name() + " " + c.state().resultState()
            + c.detail("notebook_path").map(p -> " (" + p + ")").orElse(""))
        .collect(Collectors.joining("; "));
    return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
  }

  /** The tasks besides the failed one and those it held back ({@link ImpactedTasks}). */
  private static List<String> otherTasks(FailedRun run, String failedTask) {
    return run.tasks().stream()
        .filter(t -> !t.name().equals(failedTask) && !RootTaskSelector.isChildRun(t))
        .filter(t -> t.state().outcome() != RunOutcome.HELD_BACK)
        .map(ImpactedTasks::label).distinct().toList();
  }

  private static Optional<String> joined(List<String> tasks) {
    String joined = tasks.stream().limit(MAX_TASKS).collect(Collectors.joining(", "));
    if (tasks.size() > MAX_TASKS) {
      joined += ", ... " + (tasks.size() - MAX_TASKS) + " more";
    }
    return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
  }

  /** The one-line definitions of eval/CATEGORIES.md, so a ticket says what its category means. */
  private static Map<Category, String> definitions() {
    Map<Category, String> d = new EnumMap<>(Category.class);
    d.put(Category.TABLE_OR_VIEW_NOT_FOUND, "a table, view, schema or catalog referenced by name does not exist");
    d.put(Category.COLUMN_NOT_FOUND, "a column or field referenced by name cannot be resolved");
    d.put(Category.SCHEMA_MISMATCH, "the data's structure or types do not match the target or declared schema");
    d.put(Category.DATA_QUALITY, "specific values in the data are invalid for the operation");
    d.put(Category.SYNTAX_ERROR, "SQL or Python source cannot be parsed");
    d.put(Category.CODE_ERROR, "a defect in user-authored logic that fails at run time");
    d.put(Category.PERMISSION_DENIED, "the caller is authenticated but lacks rights on the object");
    d.put(Category.AUTHENTICATION, "identity could not be established or credentials are invalid or expired");
    d.put(Category.FILE_NOT_FOUND, "a referenced file, folder, container, notebook or location does not exist");
    d.put(Category.OUT_OF_MEMORY, "driver or executor memory was exhausted");
    d.put(Category.CLUSTER_LAUNCH_FAILURE, "the compute could not be started or was not available");
    d.put(Category.LIBRARY_INSTALLATION, "a cluster or job library could not be resolved or installed");
    d.put(Category.TIMEOUT, "an operation or run exceeded a time limit");
    d.put(Category.CONCURRENT_MODIFICATION, "a conflict with a concurrent writer");
    d.put(Category.NETWORK, "connectivity between the compute and a dependency failed");
    d.put(Category.QUOTA_OR_THROTTLING, "a service rate limit or usage quota was hit at run time");
    d.put(Category.CONFIGURATION, "wrong or missing settings in the job, pipeline, linked service or cluster");
    d.put(Category.UPSTREAM_DEPENDENCY, "a platform or external service the run depends on failed or was not ready");
    d.put(Category.CANCELLED, "the run was cancelled and no other error is present");
    d.put(Category.UNKNOWN, "the evidence does not support a more specific category");
    return d;
  }


  // A value that already says what it is ("line 102") is not prefixed again.
  private static String entity(Entity entity) {
    String kind = entity.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return entity.value().toLowerCase(Locale.ROOT).startsWith(kind + " ") ? entity.value() : kind + " " + entity.value();
  }
}
