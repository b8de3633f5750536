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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets, e-mail addresses and (optionally) row values with typed placeholders such as
 * {@code [REDACTED:JWT]}, before any text goes to a model, a ticket, Slack or a log.
 *
 * <p>Pure and thread-safe. Every pattern is anchored on a literal or a character-class boundary and uses bounded,
 * possessive quantifiers, so that no input can make it backtrack catastrophically: the work is linear in the text
 * times a small constant. Text longer than {@link RedactionSettings#maxChars()} keeps its head and tail, cut at line
 * boundaries, and loses the middle.
 */
public final class Redactor {

  private static final String PLACEHOLDER_START = "[REDACTED:";

  // "Starts a token": not preceded by a character of the class, or preceded by an escaped line break ("\n" in
  // JSON-in-JSON payloads), which would otherwise glue an 'n' to the secret.
  private static final String ESCAPED_BREAK = "(?<=\\\\[nrt])";

  private static final String KEY_NAME = "(?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----";
  // Base64 lines, PEM headers ("Proc-Type: 4,ENCRYPTED") and escaped line breaks; a key cut short by a truncation
  // ends where its characters do.
  private static final String KEY_BODY = "(?:[A-Za-z0-9+/=\\s:,.\\\\]|-(?!----)){0,20000}+";
  private static final Pattern PRIVATE_KEY = Pattern.compile(
      "-----BEGIN " + KEY_NAME + KEY_BODY + "(?:-----END " + KEY_NAME + ")?");
  private static final Pattern ORPHAN_KEY_END = Pattern.compile("\\A" + KEY_BODY + "-----END " + KEY_NAME);
  private static final Pattern JWT = Pattern.compile(start("[A-Za-z0-9_-]")
      + "eyJ[A-Za-z0-9_-]{4,8192}+\\.eyJ[A-Za-z0-9_-]{2,16384}+\\.[A-Za-z0-9_-]{0,8192}+");
  private static final Pattern DATABRICKS_TOKEN = Pattern.compile(start("[A-Za-z0-9]")
      + "(?:dapi|dose|dkea)[0-9a-zA-Z]{16,64}+(?:-[0-9]{1,2}+)?(?![A-Za-z0-9])");
  private static final Pattern SLACK_TOKEN = Pattern.compile(start("[A-Za-z0-9]")
      + "(?:xox[abposre]-[A-Za-z0-9-]{8,250}+|xapp-[0-9]-[A-Za-z0-9-]{8,250}+)");
  private static final Pattern SLACK_WEBHOOK = Pattern.compile(
      "(https://hooks\\.slack\\.com/(?:services|workflows|triggers)/)[A-Za-z0-9/_-]{8,256}+");
  private static final Pattern API_KEY = Pattern.compile(start("[A-Za-z0-9]")
      + "(?:gh[pousr]_[A-Za-z0-9]{30,255}+|github_pat_[A-Za-z0-9_]{30,255}+|(?:AKIA|ASIA)[0-9A-Z]{16}"
      + "|AIza[0-9A-Za-z_-]{35}|sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,255}+|glpat-[A-Za-z0-9_-]{20,64}+)"
      + "(?![A-Za-z0-9])");
  // Microsoft Entra client secrets: three characters, a digit, "Q~", then 31 to 34 more.
  private static final Pattern AZURE_CLIENT_SECRET = Pattern.compile(start("[A-Za-z0-9_~.-]")
      + "[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}+(?![A-Za-z0-9_~.-])");
  // A real bearer token has a digit early on; "Bearer authentication" in prose does not.
  private static final Pattern BEARER = Pattern.compile(
      "(?i)(bearer[ \\t]{1,5}+)(?!\\[REDACTED:)(?=[A-Za-z._~+/=-]{0,64}+[0-9])([A-Za-z0-9._~+/=-]{8,8192}+)");
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "(?i)(authorization\\\\?[\"']?[ \\t]{0,3}+[:=][ \\t]{0,3}+\\\\?[\"']?"
          + "(?:(basic)|bearer|token|digest|sharedkey|apikey)?+[ \\t]{0,5}+)(?!\\[REDACTED:)([^\\s\"',;\\\\]{6,8192}+)");
  private static final Pattern SAS_SIGNATURE = Pattern.compile(
      "(?i)(" + start("[A-Za-z0-9_]") + "sig=)(?!\\[REDACTED:)([A-Za-z0-9%+/=]{8,1024}+)");
  private static final Pattern STORAGE_KEY_PAIR = Pattern.compile(
      "(?i)((?:AccountKey|SharedAccessKey|SharedAccessKeyValue)=)([A-Za-z0-9+/]{16,512}+={0,2}+)");
  // A storage account key is 64 random bytes: 86 base64 characters and "==".
  private static final Pattern STORAGE_KEY_BARE = Pattern.compile(start("[A-Za-z0-9+/]")
      + "[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])");
  private static final Pattern URL_PASSWORD = Pattern.compile(
      "(" + start("[\\w+.-]") + "[A-Za-z][A-Za-z0-9+.-]{1,30}+://[^\\s:/@?#\\[\\]\"'\\\\]{1,256}+:)(?!\\[REDACTED:)"
          + "([^\\s@/?#\"'\\\\]{1,512}+)(?=@)");
  // Only the key and separator are matched; the value is read by hand so that a non-secret pair is skipped cheaply.
  private static final Pattern KEY_AND_SEPARATOR = Pattern.compile(start("[\\w.-]")
      + "(-{0,2}+[A-Za-z_][\\w.-]{0,120}+)(\\\\?[\"']?[ \\t]{0,3}+[:=][ \\t]{0,3}+)");
  // Not after a slash: "abfss://container@account.dfs.core.windows.net" names storage, not a person.
  private static final Pattern EMAIL = Pattern.compile(start("[\\w.%+/-]")
      + "[A-Za-z0-9._%+-]{1,64}+@(?:[A-Za-z0-9-]{1,63}+\\.){1,8}+[A-Za-z]{2,24}+(?![\\w-])");

  private static final Pattern QUOTED_VALUE = Pattern.compile(
      "(?i)(\\b(?:value|entry):?[ \\t]{1,3}+)(['\"])(?!\\[REDACTED:)([^'\"\\r\\n]{1,1024}+)\\2");
  // Row values, allowing one level of parentheses inside; possessive, so a repeated prefix cannot go quadratic.
  private static final String ROW = "((?:[^()\\r\\n]|\\([^()\\r\\n]{0,256}+\\)){1,2048}+)";
  private static final Pattern POSTGRES_KEY_VALUES = Pattern.compile(
      "(\\bKey \\([^)\\r\\n]{1,512}+\\)=\\()" + ROW + "(\\)[ \\t]{0,3}+(?:already exists|is not present"
          + "|is still referenced|conflicts))");
  private static final Pattern ROW_IN_PARENS = Pattern.compile(
      "(?i)(\\b(?:duplicate key value is|failing row contains)[ \\t]{0,3}+\\()" + ROW + "(\\))");
  private static final Pattern DELTA_ROW_VALUES = Pattern.compile(
      "(?i)violated by row with values:[ \\t]*+((?:(?:\\r?\\n|\\\\n)[ \\t]{0,8}+-[^\\r\\n\\\\]{0,1024}+){1,200}+)");
  private static final Pattern DELTA_COLUMN_VALUE =
      Pattern.compile("(-[ \\t]{0,3}+[^:\\r\\n\\\\]{1,256}+:)([^\\r\\n\\\\]++)");

  private final RedactionSettings settings;
  private final List<String> knownSecrets;

  public Redactor(RedactionSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.knownSecrets = settings.searchableSecrets();
  }

  private static String start(String characterClass) {
    return "(?:(?<!" + characterClass + ")|" + ESCAPED_BREAK + ")";
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
    String out = bound(text);
    out = replaceKnownSecrets(out);
    out = replace(out, PRIVATE_KEY, "PRIVATE KEY", m -> RedactionKind.PRIVATE_KEY.placeholder());
    out = replace(out, JWT, "eyJ", m -> RedactionKind.JWT.placeholder());
    out = replace(out, DATABRICKS_TOKEN, m -> RedactionKind.DATABRICKS_TOKEN.placeholder());
    out = replace(out, SLACK_TOKEN, m -> RedactionKind.SLACK_TOKEN.placeholder());
    out = replace(out, SLACK_WEBHOOK, "hooks.slack.com", m -> m.group(1) + RedactionKind.SLACK_WEBHOOK.placeholder());
    out = replace(out, API_KEY, m -> RedactionKind.API_KEY.placeholder());
    out = replace(out, AZURE_CLIENT_SECRET, "Q~", m -> RedactionKind.CLIENT_SECRET.placeholder());
    // Generic bearer values last among tokens, so that a recognisable token keeps its own placeholder.
    out = replace(out, BEARER, m -> m.group(1) + RedactionKind.BEARER_TOKEN.placeholder());
    out = replace(out, AUTHORIZATION, m -> m.group(1)
        + (m.group(2) != null ? RedactionKind.BASIC_AUTH : RedactionKind.BEARER_TOKEN).placeholder());
    out = replace(out, SAS_SIGNATURE, m -> m.group(1) + RedactionKind.AZURE_SAS_SIGNATURE.placeholder());
    out = replace(out, STORAGE_KEY_PAIR, m -> m.group(1) + RedactionKind.AZURE_STORAGE_KEY.placeholder());
    out = replace(out, STORAGE_KEY_BARE, m -> RedactionKind.AZURE_STORAGE_KEY.placeholder());
    out = replace(out, URL_PASSWORD, "://", m -> m.group(1) + RedactionKind.URL_PASSWORD.placeholder());
    out = replaceSecretSettings(out);
    out = replace(out, EMAIL, "@", m -> RedactionKind.EMAIL.placeholder());
    if (settings.redactDataValues()) {
      out = replaceDataValues(out);
    }
    return out;
  }

  /** The run with every free text redacted: errors, traces, logs, state messages, details, tags, raw payload. */
  public FailedRun redact(FailedRun run) {
    FailureEvent event = run.event();
    FailureEvent cleanEvent = new FailureEvent(event.run(), event.jobId(), event.jobName(), event.workspace(),
        event.occurredAt(), event.reportedError().map(this::redact), redact(event.rawPayload()));
    List<TaskRun> tasks = new ArrayList<>(run.tasks().size());
    for (TaskRun task : run.tasks()) {
      tasks.add(new TaskRun(task.name(), task.runId(), task.kind(), task.dependsOn(), redact(task.state()),
          task.attempt(), task.error().map(this::redact), task.runPageUrl().map(this::redact), task.parent(),
          redactValues(task.details())));
    }
    return new FailedRun(cleanEvent, redact(run.runName()), run.runPageUrl().map(this::redact),
        redact(run.state()), tasks, redactValues(run.tags()));
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
        secretKindOfName(name).map(RedactionKind::placeholder).orElseGet(() -> redact(value))));
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

  private String replaceSecretSettings(String text) {
    Matcher m = KEY_AND_SEPARATOR.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      from = m.end();
      Optional<RedactionKind> kind = secretKindOfName(m.group(1));
      if (kind.isEmpty()) {
        continue;
      }
      // JSON inside a JSON string escapes its quotes: {\"password\": \"...\"}.
      int quoteAt = text.startsWith("\\", from) ? from + 1 : from;
      boolean quoted = quoteAt < text.length() && isQuote(text.charAt(quoteAt));
      int valueStart = quoted ? quoteAt + 1 : from;
      int valueEnd = valueEnd(text, valueStart, quoted ? text.charAt(quoteAt) : 0);
      if (valueEnd <= valueStart || text.startsWith(PLACEHOLDER_START, valueStart)) {
        continue;
      }
      out.append(text, copied, valueStart).append(kind.get().placeholder());
      copied = valueEnd;
      from = valueEnd;
    }
    return copied == 0 ? text : out.append(text, copied, text.length()).toString();
  }

  // Where the value that starts at {@code start} ends (exclusive): at its closing quote (or the backslash that
  // escapes it), or, unquoted, at whitespace or a delimiter.
  private static int valueEnd(String text, int start, char quote) {
    int limit = Math.min(text.length(), start + 1024);
    int i = start;
    if (quote != 0) {
      while (i < limit && "\r\n\\".indexOf(text.charAt(i)) < 0 && text.charAt(i) != quote) {
        i++;
      }
      return i;
    }
    while (i < limit && !Character.isWhitespace(text.charAt(i)) && ",;&}<>)]\"'\\".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }

  /** Whether a setting of this name holds a secret, and which kind. */
  static Optional<RedactionKind> secretKindOfName(String name) {
    String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (n.isEmpty() || n.contains("tokens") || n.contains("tokeniz") || n.endsWith("length") || n.endsWith("count")
        || n.endsWith("expiry") || n.endsWith("expires") || n.endsWith("type")) {
      return Optional.empty();
    }
    if (n.contains("password") || n.contains("passwd") || n.endsWith("pwd") || n.equals("pass")
        || n.equals("passphrase")) {
      return Optional.of(RedactionKind.PASSWORD);
    }
    if (n.contains("clientsecret")) {
      return Optional.of(RedactionKind.CLIENT_SECRET);
    }
    if (n.contains("secret") || n.contains("token") || n.contains("apikey") || n.contains("accountkey")
        || n.contains("accesskey") || n.contains("privatekey") || n.contains("credential") || n.contains("sastoken")
        || n.contains("signingkey") || n.contains("encryptionkey") || n.equals("sig") || n.equals("auth")) {
      return Optional.of(RedactionKind.SECRET_SETTING);
    }
    return Optional.empty();
  }

  private static String replaceDataValues(String text) {
    String out = replace(text, QUOTED_VALUE,
        m -> m.group(1) + m.group(2) + RedactionKind.DATA_VALUE.placeholder() + m.group(2));
    out = replace(out, POSTGRES_KEY_VALUES, m -> m.group(1) + RedactionKind.DATA_VALUE.placeholder() + m.group(3));
    out = replace(out, ROW_IN_PARENS, m -> m.group(1) + RedactionKind.DATA_VALUE.placeholder() + m.group(3));
    return replace(out, DELTA_ROW_VALUES, m -> m.group().substring(0, m.start(1) - m.start())
        + replace(m.group(1), DELTA_COLUMN_VALUE, c -> c.group(1) + " " + RedactionKind.DATA_VALUE.placeholder()));
  }

  // The gate is a literal every match contains: a cheap contains() spares a regex pass over most texts.
  private static String replace(
      String text, Pattern pattern, String gate, Function<MatchResult, String> replacement) {
    return text.contains(gate) ? replace(text, pattern, replacement) : text;
  }

  private static String replace(String text, Pattern pattern, Function<MatchResult, String> replacement) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    matcher.reset();
    return matcher.replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)));
  }

  // Keeps the head and the tail, where causes and their final traces are, cut at line ends; a private key split by
  // the cut loses its orphaned half too.
  private String bound(String text) {
    int max = settings.maxChars();
    if (text.length() <= max) {
      return text;
    }
    int half = max / 2;
    int headEnd = lastBreakBefore(text, half, half / 10);
    int tailStart = firstBreakAfter(text, text.length() - half, half / 10);
    String tail = text.substring(tailStart);
    Matcher orphan = ORPHAN_KEY_END.matcher(tail);
    if (orphan.lookingAt() && !tail.substring(0, orphan.end()).contains("-----BEGIN")) {
      tail = RedactionKind.PRIVATE_KEY.placeholder() + tail.substring(orphan.end());
    }
    return text.substring(0, headEnd) + "\n[TRUNCATED:" + (tailStart - headEnd) + " chars]\n" + tail;
  }

  private static int lastBreakBefore(String text, int at, int window) {
    for (int i = at; i > at - window && i > 0; i--) {
      if (text.charAt(i - 1) == '\n') {
        return i;
      }
    }
    for (int i = at; i > at - window && i > 0; i--) {
      if (Character.isWhitespace(text.charAt(i - 1))) {
        return i;
      }
    }
    return at;
  }

  private static int firstBreakAfter(String text, int at, int window) {
    for (int i = at; i < at + window && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        return i + 1;
      }
    }
    for (int i = at; i < at + window && i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i + 1;
      }
    }
    return at;
  }
}
