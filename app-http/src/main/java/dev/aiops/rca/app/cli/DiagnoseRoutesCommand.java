package dev.aiops.rca.app.cli;

import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.core.routing.RoutingFacts;
import dev.aiops.rca.core.routing.RoutingService;
import dev.aiops.rca.domain.AlertSeverity;
import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Source;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Prints where a failure of a job would go: route, owner, priority, runbook and destinations, secrets masked. */
@Command(name = "routes", mixinStandardHelpOptions = true,
    description = {"Show where a failure would go with the routes file (RCA_ROUTES_FILE) and the routing settings: "
        + "its route, owner, priority, runbook and destinations, secrets masked. Nothing is sent.",
        "Exit codes: 0 shown, 2 settings or the routes file invalid, or an option invalid."})
final class DiagnoseRoutesCommand implements Callable<Integer> {

  @ParentCommand
  DiagnoseCommand parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--job", required = true, paramLabel = "NAME", description = "The job or pipeline name.")
  String job;

  @Option(names = "--source", paramLabel = "PLATFORM", description = "databricks or adf (default: ${DEFAULT-VALUE}).")
  String source = "databricks";

  @Option(names = "--tags", paramLabel = "KEY=VALUE", split = ",",
      description = "The job's tags or the pipeline's annotations, repeatable (an annotation without = is kept as"
          + " it is).")
  List<String> tags = new ArrayList<>();

  @Option(names = "--category", paramLabel = "CATEGORY",
      description = "The root-cause category (default: ${DEFAULT-VALUE}).")
  String category = "UNKNOWN";

  @Option(names = "--severity", paramLabel = "SEV", description = "The Azure alert's severity, Sev0 to Sev4.")
  String severity;

  @Option(names = "--task", paramLabel = "NAME", description = "The failed task or activity.")
  String task = "";

  @Option(names = "--occurrences", paramLabel = "N", description = "How many runs failed this way "
      + "(default: ${DEFAULT-VALUE}).")
  int occurrences = 1;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<AppConfig> config = parent.config(err);
    if (config.isEmpty()) {
      return 2;
    }
    List<String> problems = new ArrayList<>();
    Optional<Source> platform = choice(source, Source.class, "--source must be databricks or adf", problems);
    Optional<Category> failure = choice(category, Category.class, "--category must be one of "
        + List.of(Category.values()), problems);
    Optional<AlertSeverity> alert = Optional.ofNullable(severity).flatMap(AlertSeverity::parse);
    if (severity != null && alert.isEmpty()) {
      problems.add("--severity must be Sev0 to Sev4, was '" + severity + "'");
    }
    if (occurrences < 1) {
      problems.add("--occurrences must be at least 1");
    }
    if (!problems.isEmpty()) {
      problems.forEach(err::println);
      return 2;
    }
    RoutingService routing = config.get().routing().service();
    RoutingService.Decision decision = routing.decide(new RoutingFacts(platform.get(), job, task, tags(tags),
        failure.get(), alert, occurrences));
    print(out, decision);
    return 0;
  }

  private static void print(PrintWriter out, RoutingService.Decision decision) {
    Assignment a = decision.assignment();
    Destinations to = decision.destinations();
    out.println("route:       " + a.route());
    out.println("owner:       " + a.owner().orElse("(none: no owner tag)"));
    out.println("priority:    " + a.priority());
    out.println("runbook:     " + a.runbookUrl().orElse("(none)"));
    out.println("slack:       " + to.slackChannel().orElse("(SLACK_ALERT_CHANNEL)")
        + (to.slackMentions().isEmpty() ? "" : ", mentions " + String.join(" ", to.slackMentions())));
    // Secret prints as ****: only whether one is set is shown.
    out.println("teams:       " + to.teamsWebhook().map(Object::toString).orElse("(none)"));
    out.println("pagerduty:   " + to.pagerDutyRoutingKey().map(Object::toString).orElse("(none)"));
    out.println("email:       " + (to.emailRecipients().isEmpty() ? "(none)"
        : String.join(", ", to.emailRecipients())));
    out.println("jira:        project " + to.jiraProject().orElse("(JIRA_PROJECT_KEY)")
        + to.jiraComponent().map(c -> ", component " + c).orElse("")
        + to.jiraAssignee().map(x -> ", assignee " + x).orElse(""));
    out.println("servicenow:  assignment group " + to.serviceNowAssignmentGroup()
        .orElse("(SERVICENOW_ASSIGNMENT_GROUP)"));
  }

  private static Map<String, String> tags(List<String> given) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String tag : given) {
      int equals = tag.indexOf('=');
      if (equals < 0) {
        tags.put(tag.strip(), "");
      } else {
        tags.put(tag.substring(0, equals).strip(), tag.substring(equals + 1).strip());
      }
    }
    return tags;
  }

  private static <E extends Enum<E>> Optional<E> choice(String value, Class<E> type, String problem,
      List<String> problems) {
    try {
      return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      problems.add(problem + ", was '" + value + "'");
      return Optional.empty();
    }
  }
}
