package dev.aiops.rca.core.analysis;

import dev.aiops.rca.core.actions.ActionEvidence;
import dev.aiops.rca.core.actions.EvidenceActions;
import dev.aiops.rca.core.classify.Classifier;
import dev.aiops.rca.core.classify.Verdict;
import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Classification;
import dev.aiops.rca.domain.ClassificationLayer;
import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.domain.Termination;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Analyses a failed run with rules alone, so that the service is useful without any model: picks the root task,
 * finds the root-cause line inside wrappers and long traces, classifies it with the layered {@link Classifier}
 * (platform fields, vendor catalogues, generic cues), and fills in the actions with the names found. Pure and
 * thread-safe.
 */
public final class RuleBasedAnalyzer {

  private static final int MAX_EVIDENCE = 14;
  private static final int MAX_ACTIONS = 5;
  private static final int MAX_ROOT_LINE = 500;
  private static final int MIN_CLAUSE = 80;
  private static final int ACTION_WINDOW = 16 * 1024;

  private final Catalogue catalogue;
  private final Classifier classifier;
  private final ActionRules actionRules = ActionRules.standard();

  public RuleBasedAnalyzer(Catalogue catalogue, Classifier classifier) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
  }

  public RuleBasedAnalyzer(Catalogue catalogue) {
    this(catalogue, Classifier.standard());
  }

  public static RuleBasedAnalyzer withDefaultCatalogue() {
    return new RuleBasedAnalyzer(Catalogue.defaultCatalogue());
  }

  /** The analyzer without the hand-written signatures (layer 1): what the catalogues achieve alone. */
  public static RuleBasedAnalyzer withoutSignatures() {
    return new RuleBasedAnalyzer(Catalogue.defaultCatalogue(), Classifier.standard().withoutSignatures());
  }

  public RootCauseAnalysis analyze(FailedRun run) {
    Optional<TaskRun> root = RootTaskSelector.select(run);
    EvidenceScanner scanner = new EvidenceScanner(catalogue, classifier);
    List<SourcedText> taskTexts = new ArrayList<>();
    root.ifPresent(task -> collect(run, task, "", taskTexts));
    SourcedText runState = new SourcedText("run.state_message", run.state().message());
    taskTexts.forEach(t -> scanner.scan(t.source(), t.text()));
    scanner.scan(runState.source(), runState.text());
    run.event().reportedError().ifPresent(text -> scanner.scan("webhook", text));
    root.flatMap(t -> t.state().termination()).map(Termination::message)
        .ifPresent(text -> scanner.scan("task.termination", text));
    run.state().termination().map(Termination::message).ifPresent(text -> scanner.scan("run.termination", text));
    Evidence evidence = scanner.result();

    String failedTask = root.map(task -> failedTaskName(task, evidence)).orElse("");
    Set<String> codes = codesOf(run, root, evidence);
    Optional<Verdict> chosen = stronger(evidence.cause().flatMap(Statement::verdict), structured(run, root));
    chosen = applyStateTieBreaks(root, chosen).map(v -> atClusterStart(root, v));

    String rootLine = evidence.cause().map(Statement::text).map(RuleBasedAnalyzer::tight).orElse("");
    if (rootLine.isEmpty() && root.isPresent() && RootTaskSelector.hasFailed(root.get())) {
      // Nothing but a state: say what the platform says (e.g. an ADF activity "Cancelled" with no error).
      rootLine = root.get().state().message().isBlank() ? root.get().state().resultState()
          : root.get().state().message().strip();
    }
    List<String> excerpt = excerpt(evidence);
    List<String> texts = new ArrayList<>();
    texts.add(rootLine);
    texts.addAll(excerpt);
    List<Entity> entities = EntityExtractor.extract(texts, codes);

    Map<String, String> names = Map.of("task", failedTask.isEmpty() ? "the failed task" : failedTask,
        "job", run.event().displayName());
    if (chosen.isEmpty()) {
      return insufficient(run, root, failedTask, rootLine, excerpt, entities);
    }
    Verdict verdict = chosen.get();
    List<String> actionTexts = new ArrayList<>();
    taskTexts.forEach(t -> actionTexts.add(window(t, evidence)));
    actionTexts.add(window(runState, evidence));
    ActionEvidence shown = new ActionEvidence(verdict.category(), rootLine,
        actionTexts.stream().filter(t -> !t.isBlank()).toList(), entities,
        root.map(TaskRun::details).orElse(Map.of()), failedTask);
    List<String> actions = actions(shown, codes, excerpt, names);
    String summary = (failedTask.isEmpty() ? run.event().displayName() : failedTask) + " failed: "
        + verdict.category() + " (" + verdict.evidence() + ")";
    return new RootCauseAnalysis(verdict.category(), rootLine, failedTask, summary, excerpt, actions, entities,
        confidence(verdict), "rules", verdict.classification(), EnumSet.noneOf(AnalysisFlag.class));
  }

  /**
   * Whether a line the rules extracted from the platform (the root-cause line or an evidence line) reads as
   * {@code category} on its own, by any layer of the classifier: what a model's category must point to before it
   * may replace the rules' one.
   */
  public boolean evidenceReadsAs(RootCauseAnalysis analysis, Category category) {
    List<String> lines = new ArrayList<>();
    lines.add(analysis.rootCauseLine());
    lines.addAll(analysis.evidence());
    return lines.stream().filter(line -> !line.isBlank()).map(classifier::classify)
        .anyMatch(verdict -> verdict.filter(v -> v.category() == category).isPresent());
  }

  /**
   * The actions that name what the evidence shows (the column diff, the closest names, the grant, the quota ...)
   * first, then the category's templates filled with the names found.
   */
  private List<String> actions(ActionEvidence evidence, Set<String> codes, List<String> excerpt,
      Map<String, String> names) {
    Set<String> actions = new LinkedHashSet<>(EvidenceActions.derive(evidence));
    String shown = evidence.rootLine() + "\n" + String.join(" ", codes) + "\n" + String.join("\n", excerpt);
    for (String template : actionRules.templates(evidence.category(), shown)) {
      actions.add(ActionTemplates.fill(template, evidence.entities(), names));
    }
    return actions.stream().limit(MAX_ACTIONS).toList();
  }

  /** A text of the evidence and the name the scan knows it by ({@code error}, {@code child.error_trace} ...). */
  private record SourcedText(String source, String text) {}

  /** The texts of the failed task and of the child runs it started, in the order they are scanned. */
  private static void collect(FailedRun run, TaskRun task, String prefix, List<SourcedText> texts) {
    texts.add(new SourcedText(prefix + "state_message", task.state().message()));
    task.error().ifPresent(e -> {
      texts.add(new SourcedText(prefix + "error", e.message()));
      texts.add(new SourcedText(prefix + "error_trace", e.trace()));
      texts.add(new SourcedText(prefix + "logs", e.logs()));
    });
    for (TaskRun child : RootTaskSelector.childrenOf(run, task)) {
      collect(run, child, "child." + prefix, texts);
    }
  }

  /**
   * A text as the evidence-derived actions read it: a long text by its head and the stretch from the cause's line
   * on, where the schemas, suggestions and limits it prints are.
   */
  private static String window(SourcedText sourced, Evidence evidence) {
    String text = sourced.text();
    if (text.length() <= 2 * ACTION_WINDOW) {
      return text;
    }
    String head = text.substring(0, ACTION_WINDOW);
    return evidence.cause().filter(c -> c.source().equals(sourced.source()) && c.offset() >= ACTION_WINDOW)
        .map(c -> head + "\n" + text.substring(c.offset(), Math.min(text.length(), c.offset() + ACTION_WINDOW)))
        .orElse(head);
  }

  /**
   * The root-cause line kept to its decisive clauses: a statement over {@value #MAX_ROOT_LINE} characters ends at
   * its last sentence boundary before that (paths, argument lists and retries follow the cause, not precede it).
   */
  static String tight(String line) {
    if (line.length() <= MAX_ROOT_LINE) {
      return line;
    }
    int end = line.lastIndexOf(". ", MAX_ROOT_LINE);
    return end >= MIN_CLAUSE ? line.substring(0, end + 1) : EvidenceScanner.cut(line, MAX_ROOT_LINE);
  }

  /** How far the deciding layer can be trusted. */
  private static double confidence(Verdict verdict) {
    int strength = verdict.strength();
    return strength >= Verdict.IDENTIFIER ? 0.9 : strength >= Verdict.SQLSTATE ? 0.8
        : strength >= Verdict.HTTP_STATUS ? 0.7 : strength >= Verdict.PHRASE ? 0.6 : 0.5;
  }

  /**
   * Layer 0 and the task's own code: the Databricks termination codes of the task and the run, and the ADF
   * activity's error code. The strongest of them, if any; the text's verdict wins unless they are stronger.
   */
  private Optional<Verdict> structured(FailedRun run, Optional<TaskRun> root) {
    List<Verdict> found = new ArrayList<>();
    root.flatMap(TaskRun::error).map(TaskError::code).filter(c -> !c.isBlank())
        .flatMap(classifier::taskCode).ifPresent(found::add);
    root.flatMap(t -> t.state().termination()).flatMap(classifier::jobTermination).ifPresent(found::add);
    run.state().termination().flatMap(classifier::jobTermination).ifPresent(found::add);
    root.flatMap(TaskRun::error).map(TaskError::failureType).flatMap(classifier::failureType).ifPresent(found::add);
    return found.stream().max((a, b) -> Integer.compare(a.strength(), b.strength()));
  }

  private static Optional<Verdict> stronger(Optional<Verdict> text, Optional<Verdict> code) {
    if (code.isPresent() && code.get().strength() > text.map(Verdict::strength).orElse(-1)) {
      return code;
    }
    return text;
  }

  /** A wrapper that failed without its inner activity run being listed names the inner activity itself. */
  private static String failedTaskName(TaskRun task, Evidence evidence) {
    List<String> inner = evidence.innerTasks().stream().filter(name -> !name.equals(task.name())).toList();
    return RootTaskSelector.isWrapper(task) && !inner.isEmpty() ? inner.get(inner.size() - 1) : task.name();
  }

  private static Set<String> codesOf(FailedRun run, Optional<TaskRun> root, Evidence evidence) {
    Set<String> codes = new LinkedHashSet<>();
    root.flatMap(TaskRun::error).map(TaskError::code).filter(c -> !c.isBlank()).ifPresent(codes::add);
    root.flatMap(t -> t.state().termination()).map(Termination::code).ifPresent(codes::add);
    run.state().termination().map(Termination::code).ifPresent(codes::add);
    codes.addAll(evidence.codes());
    codes.removeIf(String::isBlank);
    return codes;
  }

  /**
   * CATEGORIES.md: a quota or capacity limit hit before the task ever ran (the platform reports an internal error
   * and the task left no output) is the compute failing to start, not throttling at run time.
   */
  private static Verdict atClusterStart(Optional<TaskRun> root, Verdict verdict) {
    boolean neverRan = root.filter(t -> t.state().outcome() == RunOutcome.PLATFORM_ERROR)
        .filter(t -> t.error().map(e -> e.trace().isBlank() && e.logs().isBlank()).orElse(true)).isPresent();
    if (verdict.category() != Category.QUOTA_OR_THROTTLING || !neverRan) {
      return verdict;
    }
    return new Verdict(Category.CLUSTER_LAUNCH_FAILURE, verdict.layer(),
        verdict.evidence() + ", at cluster start (the task never ran)", verdict.strength());
  }

  /** The tie-breaks of CATEGORIES.md that the run state decides (layer 0). */
  private static Optional<Verdict> applyStateTieBreaks(Optional<TaskRun> root, Optional<Verdict> chosen) {
    RunOutcome outcome = root.map(t -> t.state().outcome()).orElse(RunOutcome.OTHER);
    String result = root.map(t -> t.state().resultState()).orElse("");
    if (outcome == RunOutcome.TIMED_OUT) {
      // A time limit wins over the cancellation text it leaves behind.
      return Optional.of(new Verdict(Category.TIMEOUT, ClassificationLayer.STRUCTURED, "result state " + result,
          Verdict.SIGNATURE + 5));
    }
    if (outcome == RunOutcome.CANCELLED && chosen.map(Verdict::strength).orElse(0) < Verdict.PHRASE) {
      return Optional.of(new Verdict(Category.CANCELLED, ClassificationLayer.STRUCTURED, "result state " + result,
          Verdict.PHRASE));
    }
    return chosen;
  }

  private static List<String> excerpt(Evidence evidence) {
    Set<String> lines = new LinkedHashSet<>();
    evidence.cause().ifPresent(c -> c.context().forEach(lines::add));
    lines.addAll(evidence.heads());
    lines.addAll(evidence.markers());
    evidence.sql().forEach(s -> lines.add("SQL: " + s));
    lines.addAll(evidence.userCode());
    evidence.cause().ifPresent(c -> lines.remove(c.text()));
    return lines.stream().filter(l -> !l.isBlank()).limit(MAX_EVIDENCE).toList();
  }

  private static RootCauseAnalysis insufficient(FailedRun run, Optional<TaskRun> root, String failedTask,
      String rootLine, List<String> excerpt, List<Entity> entities) {
    List<String> actions = new ArrayList<>();
    Optional<String> page = root.flatMap(TaskRun::runPageUrl).or(() -> root.flatMap(t -> t.detail("runPageUrl")));
    if (page.isPresent()) {
      actions.add("insufficient evidence: collect the run output behind " + page.get()
          + " (Jobs API runs/get and runs/get-output of its failed task) to find the cause.");
    } else if (root.isPresent()) {
      actions.add("insufficient evidence: collect the error, error trace and logs of " + failedTask
          + " (runs/get-output or the activity run's error and output).");
    } else {
      actions.add("insufficient evidence: collect the run's task or activity runs from the platform.");
    }
    String summary = "insufficient evidence: " + (rootLine.isEmpty()
        ? "no error text was found" : "\"" + EvidenceScanner.cut(rootLine, 160) + "\" does not state a cause");
    return new RootCauseAnalysis(Category.UNKNOWN, rootLine, failedTask, summary, excerpt, actions, entities,
        0.2, "rules", Classification.none(), EnumSet.of(AnalysisFlag.INSUFFICIENT_EVIDENCE));
  }
}
