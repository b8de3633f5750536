package dev.aiops.rca.app.cli;

import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.InvalidConfigException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Asks for (or takes as flags) the integrations' settings, checks each with one call, and writes them to .env. */
@Command(
    name = "setup",
    mixinStandardHelpOptions = true,
    description = {
      "Write the settings file (.env) that serve reads: Databricks, Azure Data Factory, the LLM, Jira or"
          + " ServiceNow, Slack, Microsoft Teams, PagerDuty, e-mail over SMTP and the on-call routes file.",
      "Asks for what no flag gives, unless --non-interactive; checks each integration with one authenticated call"
          + " unless --skip-checks. Secrets are never shown; the file is made readable by its owner only. Values"
          + " already in the file are kept unless replaced. Values are written quoted; a flag or answer holding a"
          + " control character (a line break, ESC, NUL) is refused and nothing is written."
    })
public final class SetupCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--env-file", paramLabel = "FILE", description = "The file to write (default: ${DEFAULT-VALUE}).")
  Path envFile = Path.of(".env");

  @Option(names = "--non-interactive", description = "Ask nothing: take flags and the values already in the file.")
  boolean nonInteractive;

  @Option(names = "--skip-checks", description = "Do not call the integrations (offline set-up).")
  boolean skipChecks;

  @Option(names = "--databricks-host", paramLabel = "URL", description = "The Databricks workspace URL.")
  String databricksHost;
  @Option(names = "--databricks-token", paramLabel = "TOKEN", description = "A Databricks personal access token.")
  String databricksToken;
  @Option(names = "--azure-subscription-id", paramLabel = "GUID",
      description = "The Azure subscription of the Data Factory.")
  String azureSubscription;
  @Option(names = "--azure-resource-group", paramLabel = "NAME", description = "The Data Factory's resource group.")
  String azureResourceGroup;
  @Option(names = "--azure-factory-name", paramLabel = "NAME", description = "The Data Factory's name.")
  String azureFactory;
  @Option(names = "--azure-tenant-id", paramLabel = "ID", description = "The Entra ID tenant of the service principal.")
  String azureTenant;
  @Option(names = "--azure-client-id", paramLabel = "ID", description = "The service principal's client id.")
  String azureClient;
  @Option(names = "--azure-client-secret", paramLabel = "SECRET",
      description = "The service principal's client secret.")
  String azureSecret;

  @Option(names = "--llm-provider", paramLabel = "NAME", description = "none, gemini, openai, anthropic or ollama.")
  String llmProvider;

  @Option(names = "--llm-key", paramLabel = "KEY", description = "The API key of the LLM provider.")
  String llmKey;

  @Option(names = "--itsm", paramLabel = "TOOL", description = "builtin, jira or servicenow.")
  String itsm;

  @Option(names = "--jira-domain", paramLabel = "URL", description = "The Jira URL.")
  String jiraDomain;
  @Option(names = "--jira-project-key", paramLabel = "KEY", description = "The Jira project that receives tickets.")
  String jiraProject;
  @Option(names = "--jira-email", paramLabel = "EMAIL",
      description = "The Jira Cloud account e-mail (none for Data Center).")
  String jiraEmail;
  @Option(names = "--jira-token", paramLabel = "TOKEN", description = "A Jira API token.")
  String jiraToken;
  @Option(names = "--servicenow-instance", paramLabel = "URL", description = "The ServiceNow instance URL.")
  String serviceNowInstance;
  @Option(names = "--servicenow-user", paramLabel = "USER", description = "The ServiceNow user.")
  String serviceNowUser;
  @Option(names = "--servicenow-password", paramLabel = "PASSWORD", description = "The ServiceNow user's password.")
  String serviceNowPassword;
  @Option(names = "--slack-token", paramLabel = "TOKEN", description = "The Slack bot token (xoxb-...).")
  String slackToken;
  @Option(names = "--slack-channel", paramLabel = "CHANNEL", description = "The Slack channel for alerts.")
  String slackChannel;
  @Option(names = "--smtp-host", paramLabel = "HOST", description = "The SMTP server that sends e-mail alerts.")
  String smtpHost;
  @Option(names = "--smtp-starttls", paramLabel = "true|false",
      description = "Whether the SMTP connection must be upgraded with STARTTLS (default true).")
  String smtpStartTls;
  @Option(names = "--smtp-port", paramLabel = "PORT", description = "The SMTP port (default 587, or 25 without"
      + " STARTTLS).")
  String smtpPort;
  @Option(names = "--smtp-user", paramLabel = "USER", description = "The SMTP user (none for a relay).")
  String smtpUser;
  @Option(names = "--smtp-password", paramLabel = "PASSWORD", description = "The SMTP user's password.")
  String smtpPassword;
  @Option(names = "--email-from", paramLabel = "ADDRESS", description = "The sender of the e-mail alerts.")
  String emailFrom;
  @Option(names = "--email-to", paramLabel = "ADDRESSES",
      description = "Who gets e-mail alerts when the incident's route names nobody, comma-separated.")
  String emailTo;
  @Option(names = "--slack-signing-secret", paramLabel = "SECRET",
      description = "The Slack app's signing secret, to approve remediations from Slack (blank for off).")
  String slackSigningSecret;
  @Option(names = "--approvers", paramLabel = "LIST",
      description = "Who may approve from Slack: user ids (U0123ABCD) and e-mail addresses, comma-separated.")
  String approvers;
  @Option(names = "--teams-webhook", paramLabel = "URL",
      description = "The Microsoft Teams channel's Workflows or incoming webhook URL.")
  String teamsWebhook;
  @Option(names = "--pagerduty-routing-key", paramLabel = "KEY",
      description = "The PagerDuty Events API v2 integration (routing) key.")
  String pagerDutyKey;
  @Option(names = "--routes-file", paramLabel = "FILE",
      description = "The on-call routes file, YAML or JSON (see docs/routing.md); checked before it is saved.")
  String routesFile;
  @Option(names = "--owner-tag-keys", paramLabel = "KEYS",
      description = "The tags or annotations that name a job's owner, in order (default owner,team).")
  String ownerTagKeys;
  @Option(names = "--runbook-url", paramLabel = "URL",
      description = "The runbook URL template for every category, with {job}, {task}, {category}.")
  String runbookUrl;

  private final InputStream in;
  private final Supplier<Console> console;
  private BufferedReader lines;

  /** Reads answers from the terminal. */
  public SetupCommand() {
    this(System.in, System::console);
  }

  /** Reads answers from {@code in} when {@code console} gives none (tests script the answers). */
  SetupCommand(InputStream in, Supplier<Console> console) {
    this.in = in;
    this.console = console;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigSource existing = ConfigSource.load(Map.of(), envFile);
    Map<String, String> values = new LinkedHashMap<>();
    try {
      collect(existing, values);
    } catch (RefusedValue e) {
      err.println("Nothing written: " + e.getMessage());
      return 2;
    }
    values.values().removeIf(String::isEmpty);

    // The file's other settings (RCA_PORT, SLACK_API_URL, ...) are kept, so they are checked together.
    Map<String, String> merged = new LinkedHashMap<>(existing.dotEnvValues());
    merged.putAll(values);
    AppConfig config;
    try {
      config = AppConfig.from(ConfigSource.of(merged));
    } catch (InvalidConfigException e) {
      err.println("Nothing written: " + e.getMessage());
      return 2;
    }
    if (!skipChecks) {
      boolean allPassed = true;
      for (SetupChecks.Outcome outcome : new SetupChecks().run(config.integrations())) {
        out.println((outcome.passed() ? "  ok      " : "  FAILED  ") + outcome.integration() + ": " + outcome.detail());
        allPassed &= outcome.passed();
      }
      if (!allPassed) {
        err.println("Nothing written: fix the settings above, or run again with --skip-checks to save them anyway.");
        return 4;
      }
    }
    config.routing().file().ifPresent(file -> out.println("  ok      routes: " + file + " has "
        + config.routing().routes().routes().size() + " route(s) and the default"));
    write(merged);
    out.println("Wrote " + envFile.toAbsolutePath() + " (owner-only): " + String.join(", ", values.keySet())
        + ". Secrets are not shown.");
    out.println("Start the service with: " + JarCommand.current() + " serve");
    out.flush();
    return 0;
  }

  /** Fills {@code values} from the flags, the answers and the file, in the order the questions are asked. */
  private void collect(ConfigSource existing, Map<String, String> values) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(nonInteractive ? "Writing " + envFile + " from the flags." : "Setting up " + envFile
        + ". Press Enter to keep the value in [brackets]; leave blank to skip an integration.");
    String host = value(existing, "DATABRICKS_HOST", databricksHost, "Databricks workspace URL", false);
    if (!host.isEmpty()) {
      values.put("DATABRICKS_HOST", host);
      values.put("DATABRICKS_TOKEN", value(existing, "DATABRICKS_TOKEN", databricksToken,
          "Databricks personal access token", true));
    }
    String subscription = value(existing, "AZURE_SUBSCRIPTION_ID", azureSubscription,
        "Azure subscription id of the Data Factory", false);
    if (!subscription.isEmpty()) {
      values.put("AZURE_SUBSCRIPTION_ID", subscription);
      values.put("ADF_RESOURCE_GROUP", value(existing, "ADF_RESOURCE_GROUP", azureResourceGroup,
          "Resource group", false));
      values.put("ADF_FACTORY_NAME", value(existing, "ADF_FACTORY_NAME", azureFactory, "Data Factory name", false));
      values.put("AZURE_TENANT_ID", value(existing, "AZURE_TENANT_ID", azureTenant, "Entra ID tenant id", false));
      values.put("AZURE_CLIENT_ID", value(existing, "AZURE_CLIENT_ID", azureClient,
          "Service principal client id", false));
      values.put("AZURE_CLIENT_SECRET", value(existing, "AZURE_CLIENT_SECRET", azureSecret,
          "Service principal client secret", true));
    }
    String provider = value(existing, "LLM_PROVIDER", llmProvider,
        "LLM provider (none, gemini, openai, anthropic, ollama)", false).toLowerCase(Locale.ROOT);
    if (!provider.isEmpty()) {
      values.put("LLM_PROVIDER", provider);
      if (!provider.equals("none") && !provider.equals("ollama")) {
        String keyName = provider.toUpperCase(Locale.ROOT) + "_API_KEY";
        values.put(keyName, value(existing, keyName, llmKey, provider + " API key", true));
      }
    }
    String tracker = value(existing, "ITSM_TOOL", itsm, "Issue tracker (builtin, jira, servicenow)", false)
        .toLowerCase(Locale.ROOT);
    values.put("ITSM_TOOL", tracker.isEmpty() ? "builtin" : tracker);
    if (tracker.equals("jira")) {
      values.put("JIRA_DOMAIN", value(existing, "JIRA_DOMAIN", jiraDomain, "Jira URL", false));
      values.put("JIRA_PROJECT_KEY", value(existing, "JIRA_PROJECT_KEY", jiraProject, "Jira project key", false));
      values.put("JIRA_USER_EMAIL", value(existing, "JIRA_USER_EMAIL", jiraEmail,
          "Jira Cloud e-mail (blank for Data Center)", false));
      values.put("JIRA_API_TOKEN", value(existing, "JIRA_API_TOKEN", jiraToken, "Jira API token", true));
    } else if (tracker.equals("servicenow")) {
      values.put("SERVICENOW_INSTANCE", value(existing, "SERVICENOW_INSTANCE", serviceNowInstance,
          "ServiceNow instance URL", false));
      values.put("SERVICENOW_USER", value(existing, "SERVICENOW_USER", serviceNowUser, "ServiceNow user", false));
      values.put("SERVICENOW_PASSWORD", value(existing, "SERVICENOW_PASSWORD", serviceNowPassword,
          "ServiceNow password", true));
    }
    String slack = value(existing, "SLACK_BOT_TOKEN", slackToken, "Slack bot token (xoxb-...)", true);
    if (!slack.isEmpty()) {
      values.put("SLACK_BOT_TOKEN", slack);
      values.put("SLACK_ALERT_CHANNEL", value(existing, "SLACK_ALERT_CHANNEL", slackChannel,
          "Slack channel for alerts", false));
      String signing = value(existing, "SLACK_SIGNING_SECRET", slackSigningSecret,
          "Slack signing secret, to approve remediations from Slack (blank for off)", true);
      if (!signing.isEmpty()) {
        values.put("SLACK_SIGNING_SECRET", signing);
        values.put("RCA_APPROVERS", value(existing, "RCA_APPROVERS", approvers,
            "Approvers in Slack (user ids U0123ABCD or e-mails, comma-separated)", false));
      }
    }
    String smtp = value(existing, "SMTP_HOST", smtpHost, "SMTP server for e-mail alerts", false);
    if (!smtp.isEmpty()) {
      values.put("SMTP_HOST", smtp);
      values.put("SMTP_STARTTLS", value(existing, "SMTP_STARTTLS", smtpStartTls,
          "Require STARTTLS (true, or false for a relay on a trusted network)", false));
      values.put("SMTP_PORT", value(existing, "SMTP_PORT", smtpPort, "SMTP port (blank: 587, or 25 without"
          + " STARTTLS)", false));
      String user = value(existing, "SMTP_USER", smtpUser, "SMTP user (blank for a relay that needs none)", false);
      values.put("SMTP_USER", user);
      if (!user.isEmpty()) {
        values.put("SMTP_PASSWORD", value(existing, "SMTP_PASSWORD", smtpPassword, "SMTP password", true));
      }
      values.put("RCA_EMAIL_FROM", value(existing, "RCA_EMAIL_FROM", emailFrom, "Sender address of the alerts",
          false));
      values.put("RCA_EMAIL_TO", value(existing, "RCA_EMAIL_TO", emailTo,
          "Default recipients, comma-separated (blank: only those the routes name)", false));
    }
    // Neither vendor has a call that checks these without posting a card or raising an alert: only their form is
    // checked, and the prompts say so.
    values.put("TEAMS_WEBHOOK_URL", value(existing, "TEAMS_WEBHOOK_URL", teamsWebhook,
        "Microsoft Teams webhook URL, Workflows or incoming webhook (only its form is checked: Teams has no call "
            + "that checks a webhook without posting)", true));
    values.put("PAGERDUTY_ROUTING_KEY", value(existing, "PAGERDUTY_ROUTING_KEY", pagerDutyKey,
        "PagerDuty Events API v2 routing key, 32 characters (only its form is checked: PagerDuty has no call that "
            + "checks a key without raising an alert)", true));
    // Checked with the rest by AppConfig.from: a routes file with a problem is not saved, each problem with its line.
    String routes = value(existing, "RCA_ROUTES_FILE", routesFile,
        "On-call routes file, YAML or JSON (blank: every incident to the channel and project above)", false);
    if (!routes.isEmpty()) {
      values.put("RCA_ROUTES_FILE", routes);
      values.put("RCA_OWNER_TAG_KEYS", value(existing, "RCA_OWNER_TAG_KEYS", ownerTagKeys,
          "Tags that name a job's owner, in order (blank: owner,team)", false));
      values.put("RCA_RUNBOOK_URL", value(existing, "RCA_RUNBOOK_URL", runbookUrl,
          "Runbook URL template with {job}, {task}, {category} (blank: none)", false));
    }
  }

  /** The flag, else the answer (with the file's value as the default), else the file's value. */
  private String value(ConfigSource existing, String name, String flag, String prompt, boolean secret) {
    if (flag != null) {
      return printable(flag, "the flag for " + name).strip();
    }
    Optional<String> current = existing.get(name);
    if (nonInteractive) {
      return current.orElse("");
    }
    String shown = current.map(v -> secret ? "keep the saved one" : v).map(v -> " [" + v + "]").orElse("");
    String answer = printable(ask(prompt + shown + ": ", secret), "the answer for " + name).strip();
    return answer.isEmpty() ? current.orElse("") : answer;
  }

  // A line break in a value would start a second setting in the file (a newline in a token flag once added
  // RCA_API_KEY); other control characters are never part of a URL, name or secret. The value itself is not shown.
  private static String printable(String value, String what) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029) {
        throw new RefusedValue(String.format("%s holds a control character (U+%04X); settings are one line of"
            + " printable text.", what, (int) c));
      }
    }
    return value;
  }

  /** A flag or answer that cannot be written to the settings file. */
  private static final class RefusedValue extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RefusedValue(String reason) {
      super(reason);
    }
  }

  private String ask(String prompt, boolean secret) {
    Console terminal = console.get();
    if (terminal != null) {
      String answer = secret ? Optional.ofNullable(terminal.readPassword("%s", prompt)).map(String::new).orElse("")
          : terminal.readLine("%s", prompt);
      return answer == null ? "" : answer;
    }
    // No terminal: the answer comes from a pipe, which echoes nothing; only the prompt is printed.
    PrintWriter out = spec.commandLine().getOut();
    out.print(prompt);
    out.flush();
    try {
      if (lines == null) {
        lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      String answer = lines.readLine();
      out.println();
      return answer == null ? "" : answer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the answer", e);
    }
  }

  // Written aside with owner-only permissions and moved into place, so the secrets are never readable by others,
  // not even for a moment, and an interrupted write leaves the old file whole.
  private void write(Map<String, String> all) {
    StringBuilder text = new StringBuilder("# Written by rca-assistant setup. Holds credentials: keep it private.\n");
    all.forEach((name, value) -> text.append(name).append('=').append(quoted(value)).append('\n'));
    Path target = envFile.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      boolean posix = target.getFileSystem().supportedFileAttributeViews().contains("posix");
      FileAttribute<?>[] ownerOnly = posix
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
          : new FileAttribute<?>[0];
      Path draft = Files.createTempFile(target.getParent(), ".env", ".tmp", ownerOnly);
      try {
        Files.writeString(draft, text, StandardCharsets.UTF_8);
        Files.move(draft, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(draft);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  // Always quoted, with \ and " escaped, so that no value can end early or be read as a comment; ConfigSource reads
  // this form back exactly.
  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
