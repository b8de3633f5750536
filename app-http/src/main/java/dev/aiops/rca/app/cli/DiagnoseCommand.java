package dev.aiops.rca.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.adf.AdfFailedRunSource;
import dev.aiops.rca.adapter.adf.AdfRunMapper;
import dev.aiops.rca.adapter.adf.AdfSettings;
import dev.aiops.rca.adapter.databricks.DatabricksFailedRunSource;
import dev.aiops.rca.adapter.databricks.DatabricksSettings;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.InvalidConfigException;
import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.FailedRunSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Reads one failed run from Data Factory or Databricks with the service's settings and prints what the rules say. */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description = {"Check a connection: read one run with the settings serve uses and analyse it with the rules.",
        "Exit codes: 0 analysed, 1 the platform could not be read, 2 settings missing or invalid, or no platform"
            + " named."},
    subcommands = {DiagnoseCommand.AdfCommand.class, DiagnoseCommand.DatabricksCommand.class,
        DiagnoseRoutesCommand.class})
public final class DiagnoseCommand implements Callable<Integer> {

  private static final List<String> ADF_SETTINGS = List.of("AZURE_SUBSCRIPTION_ID", "ADF_RESOURCE_GROUP",
      "ADF_FACTORY_NAME", "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET",
      "(or AZURE_USE_MANAGED_IDENTITY=true instead of AZURE_TENANT_ID and AZURE_CLIENT_SECRET)");
  private static final List<String> DATABRICKS_SETTINGS = List.of("DATABRICKS_HOST",
      "DATABRICKS_TOKEN (or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET)");
  private static final Pattern JOB_LINK = Pattern.compile("/jobs/(\\d+)/runs/\\d+(?:\\?o=(\\d+))?|#job/(\\d+)/run/");
  private static final Pattern WORKSPACE_ID = Pattern.compile("[?&]o=(\\d+)");

  @Spec
  CommandSpec spec;

  @Option(names = "--env-file", paramLabel = "FILE",
      description = "Settings file read beneath the environment (default: ${DEFAULT-VALUE}).")
  Path envFile = Path.of(".env");

  /** The settings to use instead of the environment and the .env file; tests set it. */
  ConfigSource source;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("diagnose needs what to read: diagnose adf RUN_ID or diagnose databricks RUN_ID"
        + " (see diagnose --help), or diagnose routes --job NAME to see where a failure would go.");
    return 2;
  }

  /** The settings, or empty after printing every problem. */
  Optional<AppConfig> config(PrintWriter err) {
    try {
      return Optional.of(AppConfig.from(source != null ? source : ConfigSource.load(System.getenv(), envFile)));
    } catch (InvalidConfigException e) {
      err.println(e.getMessage());
      return Optional.empty();
    }
  }

  /** Reads a pipeline run through ARM and analyses it. */
  @Command(name = "adf", mixinStandardHelpOptions = true,
      description = {"Read an Azure Data Factory pipeline run and its activity runs, and analyse it.",
          "Needs AZURE_SUBSCRIPTION_ID, ADF_RESOURCE_GROUP, ADF_FACTORY_NAME and a client secret (AZURE_TENANT_ID,"
              + " AZURE_CLIENT_ID, AZURE_CLIENT_SECRET) or AZURE_USE_MANAGED_IDENTITY=true.",
          "With DATABRICKS_HOST set, failed Databricks activities are followed into their runs."})
  static final class AdfCommand implements Callable<Integer> {

    @ParentCommand
    DiagnoseCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID", description = "The pipeline run id.")
    String runId;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Optional<AppConfig> config = parent.config(err);
      if (config.isEmpty()) {
        return 2;
      }
      Optional<AdfSettings> settings = config.get().integrations().adf();
      if (settings.isEmpty()) {
        return notConfigured(err, "Data Factory", ADF_SETTINGS);
      }
      Optional<DatabricksFailedRunSource> databricks =
          config.get().integrations().databricks().map(DatabricksFailedRunSource::create);
      AdfFailedRunSource source = databricks
          .map(hop -> AdfFailedRunSource.create(settings.get(), new AdfRunMapper()::map, hop::fetch))
          .orElseGet(() -> AdfFailedRunSource.create(settings.get(), new AdfRunMapper()::map));
      Optional<FailedRun> fetched = fetch(err, source, RunKey.of(Source.ADF, runId), settings.get().factoryName(),
          "pipeline run " + runId + " of " + settings.get().factoryResourceId());
      if (fetched.isEmpty()) {
        return 1;
      }
      FailedRun run = fetched.get();
      RootCauseAnalysis analysis = RuleBasedAnalyzer.withDefaultCatalogue().analyze(run);
      Optional<TaskRun> failed = task(run, analysis.failedTask());
      out.println("pipeline:        " + run.runName() + " (run " + runId + ")");
      out.println("status:          " + run.state().resultState());
      out.println("failed activity: " + (analysis.failedTask().isBlank() ? "(none)" : analysis.failedTask())
          + failed.map(t -> " [" + t.kind() + "]" + t.parent().map(p -> " inside " + p).orElse("")).orElse(""));
      out.println("error code:      " + errorCode(run, failed).orElse("(none)"));
      out.println("category:        " + analysis.category());
      out.println("root cause:      " + rootCause(analysis));
      out.flush();
      return 0;
    }

    // A Databricks task behind an activity has no ADF code of its own: the activity carrying it has.
    private static Optional<String> errorCode(FailedRun run, Optional<TaskRun> failed) {
      return failed.flatMap(DiagnoseCommand::code)
          .or(() -> failed.flatMap(TaskRun::parent).flatMap(p -> task(run, p)).flatMap(DiagnoseCommand::code));
    }
  }

  /** Reads a job run through the Jobs API and analyses it. */
  @Command(name = "databricks", mixinStandardHelpOptions = true,
      description = {"Read a Databricks job run and the output of its failed tasks, and analyse it.",
          "Needs DATABRICKS_HOST with DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET."})
  static final class DatabricksCommand implements Callable<Integer> {

    @ParentCommand
    DiagnoseCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID", description = "The job run id.")
    String runId;

    @Option(names = "--webhook", description = "Also print a jobs.on_failure webhook body for this run, to post to "
        + "/webhooks/databricks.")
    boolean webhook;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Optional<AppConfig> config = parent.config(err);
      if (config.isEmpty()) {
        return 2;
      }
      Optional<DatabricksSettings> settings = config.get().integrations().databricks();
      if (settings.isEmpty()) {
        return notConfigured(err, "Databricks", DATABRICKS_SETTINGS);
      }
      Optional<FailedRun> fetched = fetch(err, DatabricksFailedRunSource.create(settings.get()),
          RunKey.of(Source.DATABRICKS, runId), settings.get().host().toString(),
          "run " + runId + " on " + settings.get().host());
      if (fetched.isEmpty()) {
        return 1;
      }
      FailedRun run = fetched.get();
      RootCauseAnalysis analysis = RuleBasedAnalyzer.withDefaultCatalogue().analyze(run);
      List<String> failedTasks = run.tasks().stream().filter(DiagnoseCommand::failed)
          .map(t -> t.name() + " (" + t.state().resultState() + ")").toList();
      Optional<String> jobId = jobId(run);
      out.println("job:          " + run.runName() + jobId.map(id -> " (job " + id + ", run " + runId + ")")
          .orElse(" (run " + runId + ")"));
      out.println("state:        " + run.state().lifeCycleState() + " " + run.state().resultState());
      out.println("failed tasks: " + (failedTasks.isEmpty() ? "(none)" : String.join(", ", failedTasks)));
      out.println("category:     " + analysis.category());
      out.println("root cause:   " + rootCause(analysis));
      if (webhook) {
        out.println();
        out.println("jobs.on_failure webhook body (POST it to /webhooks/databricks with the key):");
        out.println(webhookBody(run, jobId));
      }
      out.flush();
      return 0;
    }

    private String webhookBody(FailedRun run, Optional<String> jobId) {
      ObjectMapper json = new ObjectMapper();
      ObjectNode body = json.createObjectNode().put("event_type", "jobs.on_failure");
      run.runPageUrl().map(WORKSPACE_ID::matcher).filter(Matcher::find)
          .ifPresent(m -> body.put("workspace_id", m.group(1)));
      body.putObject("run").put("run_id", runId);
      ObjectNode job = body.putObject("job");
      jobId.ifPresent(id -> job.put("job_id", id));
      job.put("name", run.runName());
      return body.toPrettyString();
    }

    private static Optional<String> jobId(FailedRun run) {
      return run.runPageUrl().map(JOB_LINK::matcher).filter(Matcher::find)
          .map(m -> m.group(1) != null ? m.group(1) : m.group(3));
    }
  }

  /** Says which settings an unconfigured platform needs; exit code 2. */
  private static int notConfigured(PrintWriter err, String platform, List<String> settings) {
    err.println(platform + " is not configured; set:");
    settings.forEach(line -> err.println(line.startsWith("(") ? "  " + line : "  - " + line));
    err.flush();
    return 2;
  }

  /** The run as the platform reports it, or empty after saying why it could not be read. */
  private static Optional<FailedRun> fetch(PrintWriter err, FailedRunSource source, RunKey run, String workspace,
      String what) {
    try {
      return Optional.of(source.fetch(new FailureEvent(run, "", "", workspace, Instant.now(), Optional.empty(),
          "{}")));
    } catch (PortException e) {
      err.println("cannot read " + what + ": " + e.getMessage());
      err.flush();
      return Optional.empty();
    }
  }

  private static Optional<TaskRun> task(FailedRun run, String name) {
    // The failed one when a name is listed more than once (retries, ForEach iterations).
    return run.tasks().stream().filter(t -> t.name().equals(name))
        .sorted((a, b) -> Boolean.compare(failed(b), failed(a))).findFirst();
  }

  private static Optional<String> code(TaskRun task) {
    return task.error().filter(e -> !e.code().isBlank())
        .map(e -> e.code() + (e.failureType().isBlank() ? "" : " (" + e.failureType() + ")"));
  }

  private static boolean failed(TaskRun task) {
    return task.state().outcome().isFailure()
        || task.error().map(TaskError::isEmpty).map(empty -> !empty).orElse(false);
  }

  private static String rootCause(RootCauseAnalysis analysis) {
    return analysis.rootCauseLine().isBlank() ? analysis.summary() : analysis.rootCauseLine();
  }
}
