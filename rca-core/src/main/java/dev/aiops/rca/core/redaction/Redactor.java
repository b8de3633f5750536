package dev.aiops.rca.core.redaction;

import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.domain.Termination;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Replaces secrets, e-mail addresses and (optionally) row values with typed placeholders such as
 * {@code [REDACTED:JWT]}, before any text goes to a model, a ticket, Slack or a log.
 *
 * <p>Thread-safe, and pure but for a memory of the last few large bodies it redacted. Every pattern is anchored on a literal or a character-class boundary and uses bounded,
 * possessive quantifiers, so that no input can make it backtrack catastrophically: the work is linear in the text
 * times a small constant. Text longer than {@link RedactionSettings#maxChars()} keeps its head and tail, cut at line
 * boundaries, and loses the middle.
 */
public final class Redactor {

  private static final Pattern JWT = Pattern.compile(Regex.start("[A-Za-z0-9_-]")
      + "eyJ[A-Za-z0-9_-]{4,8192}+\\.eyJ[A-Za-z0-9_-]{2,16384}+\\.[A-Za-z0-9_-]{0,8192}+");
  private static final Pattern DATABRICKS_TOKEN = Pattern.compile(Regex.start("[A-Za-z0-9]")
      + "(?:dapi|dose|dkea)[0-9a-zA-Z]{16,64}+(?:-[0-9]{1,2}+)?(?![A-Za-z0-9])");
  private static final Pattern SLACK_TOKEN = Pattern.compile(Regex.start("[A-Za-z0-9]")
      + "(?:xox[abposre]-[A-Za-z0-9-]{8,250}+|xapp-[0-9]-[A-Za-z0-9-]{8,250}+)");
  private static final Pattern SLACK_WEBHOOK = Pattern.compile(
      "(https://hooks\\.slack\\.com/(?:services|workflows|triggers)/)[A-Za-z0-9/_-]{8,256}+");
  private static final Pattern API_KEY = Pattern.compile(Regex.start("[A-Za-z0-9]")
      + "(?:gh[pousr]_[A-Za-z0-9]{30,255}+|github_pat_[A-Za-z0-9_]{30,255}+|(?:AKIA|ASIA)[0-9A-Z]{16}"
      + "|AIza[0-9A-Za-z_-]{35}|sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,255}+|glpat-[A-Za-z0-9_-]{20,64}+)"
      + "(?![A-Za-z0-9])");
  // Microsoft Entra client secrets: three characters, a digit, "Q~", then 31 to 34 more.
  private static final Pattern AZURE_CLIENT_SECRET = Pattern.compile(Regex.start("[A-Za-z0-9_~.-]")
      + "[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}+(?![A-Za-z0-9_~.-])");
  // A real bearer token has a digit early on; "Bearer authentication" in prose does not.
  private static final Pattern BEARER = Pattern.compile(
      "(?i)(bearer[ \\t]{1,5}+)(?!\\[REDACTED:)(?=[A-Za-z._~+/=-]{0,64}+[0-9])([A-Za-z0-9._~+/=-]{8,8192}+)");
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "(?i)(authorization\\\\?[\"']?[ \\t]{0,3}+[:=][ \\t]{0,3}+\\\\?[\"']?"
          + "(?:(basic)|bearer|token|digest|sharedkey|apikey)?+[ \\t]{0,5}+)(?!\\[REDACTED:)"
          + "([^\\s\"',;\\\\]{6,8192}+)");
  private static final Pattern SAS_SIGNATURE = Pattern.compile(
      "(?i)(" + Regex.start("[A-Za-z0-9_]") + "sig=)(?!\\[REDACTED:)([A-Za-z0-9%+/=]{8,1024}+)");
  private static final Pattern STORAGE_KEY_PAIR = Pattern.compile(
      "(?i)((?:AccountKey|SharedAccessKey|SharedAccessKeyValue)=)([A-Za-z0-9+/]{16,512}+={0,2}+)");
  // A storage account key is 64 random bytes: 86 base64 characters and "==".
  private static final Pattern STORAGE_KEY_BARE = Pattern.compile(Regex.start("[A-Za-z0-9+/]")
      + "[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])");
  private static final Pattern URL_PASSWORD = Pattern.compile(
      "(" + Regex.start("[\\w+.-]") + "[A-Za-z][A-Za-z0-9+.-]{1,30}+://[^\\s:/@?#\\[\\]\"'\\\\]{1,256}+:)"
          + "(?!\\[REDACTED:)([^\\s@/?#\"'\\\\]{1,512}+)(?=@)");
  // Not after a slash: "abfss://container@account.dfs.core.windows.net" names storage, not a person.
  private static final Pattern EMAIL = Pattern.compile(Regex.start("[\\w.%+/-]")
      + "[A-Za-z0-9._%+-]{1,64}+@(?:[A-Za-z0-9-]{1,63}+\\.){1,8}+[A-Za-z]{2,24}+(?![\\w-])");

  private final RedactionSettings settings;
  private final List<String> knownSecrets;
  private final RecentBodies recentBodies = new RecentBodies();

  public Redactor(RedactionSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.knownSecrets = settings.searchableSecrets();
  }

  /** A redactor with {@link RedactionSettings#defaults()}. */
  public static Redactor standard() {
    return new Redactor(RedactionSettings.defaults());
  }

  public RedactionSettings settings() {
    return settings;
  }

  /** The text with every secret, e-mail address and (if so set) row value replaced by its placeholder. */
  public String redact(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      return text;
    }
    String out = Truncation.bound(text, settings.maxChars());
    out = replaceKnownSecrets(out);
    out = PrivateKeys.redact(out);
    out = Regex.replace(out, JWT, "eyJ", m -> RedactionKind.JWT.placeholder());
    out = Regex.replace(out, DATABRICKS_TOKEN, m -> RedactionKind.DATABRICKS_TOKEN.placeholder());
    out = Regex.replace(out, SLACK_TOKEN, m -> RedactionKind.SLACK_TOKEN.placeholder());
    out = Regex.replace(out, SLACK_WEBHOOK, "hooks.slack.com",
        m -> m.group(1) + RedactionKind.SLACK_WEBHOOK.placeholder());
    out = Regex.replace(out, API_KEY, m -> RedactionKind.API_KEY.placeholder());
    out = Regex.replace(out, AZURE_CLIENT_SECRET, "Q~", m -> RedactionKind.CLIENT_SECRET.placeholder());
    // Generic bearer values last among tokens, so that a recognisable token keeps its own placeholder.
    out = Regex.replace(out, BEARER, m -> m.group(1) + RedactionKind.BEARER_TOKEN.placeholder());
    out = Regex.replace(out, AUTHORIZATION, m -> m.group(1)
        + (m.group(2) != null ? RedactionKind.BASIC_AUTH : RedactionKind.BEARER_TOKEN).placeholder());
    out = Regex.replace(out, SAS_SIGNATURE, m -> m.group(1) + RedactionKind.AZURE_SAS_SIGNATURE.placeholder());
    out = Regex.replace(out, STORAGE_KEY_PAIR, m -> m.group(1) + RedactionKind.AZURE_STORAGE_KEY.placeholder());
    out = Regex.replace(out, STORAGE_KEY_BARE, m -> RedactionKind.AZURE_STORAGE_KEY.placeholder());
    out = Regex.replace(out, URL_PASSWORD, "://", m -> m.group(1) + RedactionKind.URL_PASSWORD.placeholder());
    out = SecretSettings.redact(out);
    out = Regex.replace(out, EMAIL, "@", m -> RedactionKind.EMAIL.placeholder());
    if (settings.redactDataValues()) {
      out = DataValues.redact(out);
    }
    return out;
  }

  /**
   * A webhook body as it may be kept at rest: in a JSON body the value of every string is redacted (masked whole
   * under a secret-like key such as {@code "db_password"}) and the structure stays, so that the stored body still
   * reads as the same webhook; any other body is redacted as text. A large body redacted lately is not redacted
   * again: each run a body lists brings it here.
   */
  public String redactBody(String body) {
    Objects.requireNonNull(body, "body");
    return recentBodies.redact(body, text -> JsonStrings.rewriteValues(text, (key, value) -> SecretSettings
        .kindOfName(key).map(RedactionKind::placeholder).orElseGet(() -> redact(value))).orElseGet(() -> redact(text)));
  }

  /**
   * The event as it may be kept: its reported error redacted, and its raw payload as {@link #redactBody} leaves a
   * body, so that a run a platform listed (an alert's window, the reconciliation sweep) is stored as a webhook is.
   */
  public FailureEvent redact(FailureEvent event) {
    return new FailureEvent(event.run(), event.jobId(), event.jobName(), event.workspace(), event.occurredAt(),
        event.reportedError().map(this::redact), redactBody(event.rawPayload()), event.alertSeverity());
  }

  /** The run with every free text redacted: errors, traces, logs, state messages, details, tags, raw payload. */
  public FailedRun redact(FailedRun run) {
    FailureEvent cleanEvent = redact(run.event());
    List<TaskRun> tasks = new ArrayList<>(run.tasks().size());
    for (TaskRun task : run.tasks()) {
      tasks.add(new TaskRun(task.name(), task.runId(), task.kind(), task.dependsOn(), redact(task.state()),
          task.attempt(), task.error().map(this::redact), task.runPageUrl().map(this::redact), task.parent(),
          redactValues(task.details())));
    }
    return new FailedRun(cleanEvent, redact(run.runName()), run.runPageUrl().map(this::redact),
        redact(run.state()), tasks, redactValues(run.tags()), run.chain(), run.laterRun());
  }

  /** The analysis with its cause line, summary, evidence, actions and entity values redacted. */
  public RootCauseAnalysis redact(RootCauseAnalysis analysis) {
    List<Entity> entities = new ArrayList<>(analysis.entities().size());
    for (Entity entity : analysis.entities()) {
      entities.add(new Entity(entity.kind(), redact(entity.value())));
    }
    return new RootCauseAnalysis(analysis.category(), redact(analysis.rootCauseLine()), analysis.failedTask(),
        redact(analysis.summary()), analysis.evidence().stream().map(this::redact).toList(),
        analysis.recommendedActions().stream().map(this::redact).toList(), entities, analysis.confidence(),
        analysis.analyzer(), analysis.classification(), analysis.flags());
  }

  private TaskError redact(TaskError error) {
    return new TaskError(redact(error.message()), redact(error.trace()), redact(error.logs()),
        error.logsTruncated(), redact(error.code()), error.failureType());
  }

  private RunState redact(RunState state) {
    Optional<Termination> termination = state.termination()
        .map(t -> new Termination(t.code(), t.type(), redact(t.message())));
    return new RunState(state.outcome(), state.lifeCycleState(), state.resultState(), redact(state.message()),
        termination, state.cancelledOrTimedOut());
  }

  // A value stored under a secret-like name (a job parameter "db_password") is masked whole.
  private Map<String, String> redactValues(Map<String, String> values) {
    Map<String, String> clean = new LinkedHashMap<>();
    values.forEach((name, value) -> clean.put(name,
        SecretSettings.kindOfName(name).map(RedactionKind::placeholder).orElseGet(() -> redact(value))));
    return clean;
  }

  private String replaceKnownSecrets(String text) {
    String out = text;
    for (String secret : knownSecrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, RedactionKind.KNOWN_SECRET.placeholder());
      }
    }
    return out;
  }
}
