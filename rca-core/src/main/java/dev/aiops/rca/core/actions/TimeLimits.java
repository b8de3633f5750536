package dev.aiops.rca.core.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names the time limit that was hit, where it is configured, and how long the work ran against it. */
final class TimeLimits {

  // Formats parsed:
  // - Databricks Jobs API task setting "timeout_seconds" (0 = no limit) against the run's "execution_duration" /
  //   "run_duration" (milliseconds) when the details carry them.
  // - ADF activity "policy.timeout" and other "*Timeout" settings (e.g. Script "scriptBlockExecutionTimeout",
  //   copy "queryTimeout") in the "d.hh:mm:ss" TimeSpan form, against the activity's "durationInMs".
  // - Spark "Could not execute broadcast in <n> secs. You can increase the timeout for broadcasts via
  //   spark.sql.broadcastTimeout" (QueryExecutionErrors.executeBroadcastTimeoutError).
  // - SQL Server / ADO.NET "Execution Timeout Expired. The timeout period elapsed prior to completion of the
  //   operation" (SqlException -2), and "Timeout expired" with "commandTimeout"/"queryTimeout" in the details.
  // - Spark/Databricks error conditions whose name contains TIMEOUT and whose text prints a limit
  //   ("... after <n> seconds", "Futures timed out after [<n> seconds]").

  private static final Pattern BROADCAST = Pattern.compile("Could not execute broadcast in (\\d{1,9}) secs");
  private static final Pattern BROADCAST_SIDE = Pattern.compile("\\bbroadcast\\(\\s*([A-Za-z_]\\w{0,100})\\s*\\)");
  private static final Pattern SQL_TIMEOUT = Pattern.compile(
      "Execution Timeout Expired|The timeout period elapsed prior to completion|\\bTimeout expired\\.");
  private static final Pattern CONDITION_LIMIT = Pattern.compile(
      "\\[([A-Z_]*TIMEOUT[A-Z_.]*|[A-Z_]*TIMED_OUT[A-Z_.]*)\\][^\\r\\n]{0,300}?\\b(\\d{1,9})\\s?"
          + "(ms|milliseconds|s|secs?|seconds|min|minutes|h|hours)\\b");
  private static final Pattern FUTURES = Pattern.compile(
      "Futures timed out after \\[(\\d{1,9}) (seconds|milliseconds|minutes)\\]");
  private static final Pattern TIMESPAN = Pattern.compile(
      "^(?:(\\d{1,4})\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.\\d{1,7})?$");
  private static final Pattern NUMBER = Pattern.compile("^\\d{1,12}$");

  private TimeLimits() {}

  static List<String> actions(Texts texts) {
    List<String> out = new ArrayList<>();
    OptionalLong elapsed = elapsedSeconds(texts);
    String task = texts.taskName().isEmpty() ? "The task" : "Task " + Texts.q(texts.taskName());

    Optional<MatchResult> broadcast = texts.first(BROADCAST);
    if (broadcast.isPresent()) {
      String secs = broadcast.get().group(1);
      String side = texts.first(BROADCAST_SIDE).map(m -> " of " + Texts.q(m.group(1))).orElse("");
      out.add("The broadcast" + side + " did not finish within `spark.sql.broadcastTimeout` = " + secs + "s: raise"
          + " `spark.sql.broadcastTimeout`, or stop broadcasting the large side (remove the broadcast hint or set"
          + " `spark.sql.autoBroadcastJoinThreshold` to -1).");
    }

    Optional<String> timeoutSeconds = texts.detail("timeout_seconds");
    if (timeoutSeconds.isPresent() && NUMBER.matcher(timeoutSeconds.get()).matches()
        && Long.parseLong(timeoutSeconds.get()) > 0) {
      long limit = Long.parseLong(timeoutSeconds.get());
      out.add(task + " is limited by `timeout_seconds` = " + limit + " (" + human(limit) + ")"
          + ranFor(elapsed) + ": raise `timeout_seconds` if the work legitimately takes longer, or find what made"
          + " this run slower than usual.");
    }

    for (Map.Entry<String, String> setting : timeoutSettings(texts).entrySet()) {
      if (out.size() >= 3) {
        break;
      }
      OptionalLong limit = parseSeconds(setting.getValue());
      if (limit.isEmpty() || limit.getAsLong() <= 0) {
        continue;
      }
      out.add(task + " is limited by " + Texts.q(setting.getKey()) + " = " + setting.getValue() + " ("
          + human(limit.getAsLong()) + ")" + ranFor(elapsed) + ": raise " + Texts.q(setting.getKey())
          + " if the work legitimately takes longer, or make it faster.");
    }

    if (texts.has(SQL_TIMEOUT) && out.stream().noneMatch(a -> a.contains("Timeout") || a.contains("timeout"))) {
      out.add("The SQL command hit the client's command timeout (Execution Timeout Expired): raise the"
          + " activity's query or command timeout, or speed the statement up (indexes, smaller batches).");
    }

    if (broadcast.isEmpty()) {
      Optional<MatchResult> condition = texts.first(CONDITION_LIMIT);
      if (condition.isPresent()) {
        out.add("The operation hit the " + Texts.q(condition.get().group(1)) + " limit of " + condition.get().group(2)
            + " " + condition.get().group(3) + ": raise the setting that the error names, or make the work"
            + " smaller or faster.");
      } else {
        texts.first(FUTURES).ifPresent(m -> out.add("A Spark wait timed out after " + m.group(1) + " " + m.group(2)
            + " (`spark.sql.broadcastTimeout` for broadcasts, `spark.network.timeout` for RPC): raise the matching"
            + " timeout, or find the stage that stalled."));
      }
    }
    return out.size() > 3 ? out.subList(0, 3) : out;
  }

  /** Every detail whose key ends in "timeout" (any case), except timeout_seconds which is read on its own. */
  private static Map<String, String> timeoutSettings(Texts texts) {
    Map<String, String> found = new TreeMap<>();
    for (Map.Entry<String, String> e : texts.details().entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (key.endsWith("timeout") && !e.getValue().isBlank()) {
        found.put(e.getKey(), e.getValue().strip());
      }
    }
    return found;
  }

  private static OptionalLong elapsedSeconds(Texts texts) {
    for (String key : List.of("execution_duration", "run_duration", "durationInMs", "duration_ms")) {
      Optional<String> v = texts.detail(key);
      if (v.isPresent() && NUMBER.matcher(v.get()).matches()) {
        return OptionalLong.of(Long.parseLong(v.get()) / 1000);
      }
    }
    Optional<String> secs = texts.detail("elapsed_seconds", "executionDuration");
    if (secs.isPresent() && NUMBER.matcher(secs.get()).matches()) {
      return OptionalLong.of(Long.parseLong(secs.get()));
    }
    return OptionalLong.empty();
  }

  private static String ranFor(OptionalLong elapsed) {
    return elapsed.isPresent() ? " and ran for " + human(elapsed.getAsLong()) : "";
  }

  /** Seconds from "3600", "00:30:00" or "0.02:00:00" (ADF TimeSpan d.hh:mm:ss). */
  static OptionalLong parseSeconds(String value) {
    String v = value.strip();
    if (NUMBER.matcher(v).matches()) {
      return OptionalLong.of(Long.parseLong(v));
    }
    Matcher m = TIMESPAN.matcher(v);
    if (m.matches()) {
      long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
      return OptionalLong.of(days * 86400 + Long.parseLong(m.group(2)) * 3600 + Long.parseLong(m.group(3)) * 60
          + Long.parseLong(m.group(4)));
    }
    return OptionalLong.empty();
  }

  /** "45 s", "30 min", "2 h", "1 h 30 min", "1 h 1 s", "1 d 2 h". */
  static String human(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    long days = seconds / 86400;
    long hours = seconds % 86400 / 3600;
    long minutes = seconds % 3600 / 60;
    long secs = seconds % 60;
    List<String> parts = new ArrayList<>();
    if (days > 0) {
      parts.add(days + " d");
    }
    if (hours > 0) {
      parts.add(hours + " h");
    }
    if (minutes > 0 && days == 0) {
      parts.add(minutes + " min");
    }
    if (secs > 0 && days == 0) {
      parts.add(secs + " s");
    }
    return String.join(" ", parts);
  }
}
