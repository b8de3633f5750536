package dev.aiops.rca.adapter.gemini;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The versioned prompt ({@code prompts/rca-v1.*.txt}): a system instruction and one user message in which everything
 * that came from the run sits, quoted, between evidence markers, cut to the input-token budget around the cause.
 */
final class RcaPrompt {

  /** Part of the cache key: change it whenever the prompt files change. */
  static final String VERSION = "rca-v1";
  /** A rough, vendor-neutral estimate; English logs run at three to four characters per token. */
  static final int CHARS_PER_TOKEN = 4;
  static final String OPEN = "<<<EVIDENCE";
  static final String CLOSE = "EVIDENCE>>>";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
  private static final Pattern MARKERS = Pattern.compile("<<<\\s*EVIDENCE|EVIDENCE\\s*>>>", Pattern.CASE_INSENSITIVE);
  private static final String SYSTEM = resource("system");
  private static final String USER = resource("user");
  /** What the evidence keeps before the cause line, as a share of its room; the rest follows the cause. */
  private static final double BEFORE_CAUSE = 0.25;

  /** The two messages. */
  record Rendered(String system, String user) {}

  private final int inputTokenBudget;

  RcaPrompt(int inputTokenBudget) {
    this.inputTokenBudget = inputTokenBudget;
  }

  Rendered render(FailedRun run, RootCauseAnalysis rules) {
    String system = fill(SYSTEM, Map.of("categories",
        Arrays.stream(Category.values()).map(Category::name).collect(Collectors.joining(", "))));
    Map<String, String> fields = new java.util.HashMap<>();
    fields.put("job", quote(run.event().displayName()));
    fields.put("source", run.source().name());
    fields.put("run", quote(run.event().run().runId().value()));
    fields.put("task", quote(rules.failedTask()));
    fields.put("rootCauseLine", quote(rules.rootCauseLine()));
    fields.put("category", rules.category().name());
    fields.put("actions", rules.recommendedActions().stream().map(RcaPrompt::quote).collect(Collectors.joining("; ")));
    fields.put("runState", describe(run.state()));
    fields.put("taskStates", run.tasks().stream()
        .map(t -> "- " + quote(t.name()) + ": " + describe(t.state()) + (t.attempt() > 0 ? ", attempt " + t.attempt() : ""))
        .collect(Collectors.joining("\n")));
    fields.put("evidence", "");
    int fixed = system.length() + fill(USER, fields).length();
    int room = Math.max(1_000, inputTokenBudget * CHARS_PER_TOKEN - fixed);
    fields.put("evidence", trim(neutralise(evidence(run)), neutralise(rules.rootCauseLine()), room));
    for (Map.Entry<String, String> field : Map.copyOf(fields).entrySet()) {
      fields.put(field.getKey(), neutralise(field.getValue()));
    }
    return new Rendered(system, fill(USER, fields));
  }

  /** The answer's JSON schema; every field required, nothing else allowed. */
  static JsonSchema schema() {
    JsonObjectSchema root = JsonObjectSchema.builder()
        .addEnumProperty("category", Arrays.stream(Category.values()).map(Category::name).toList(),
            "one of the fixed categories")
        .addProperty("rootCause", JsonStringSchema.builder()
            .description("the exact evidence line that states the cause, or \"insufficient evidence\"").build())
        .addProperty("summary", JsonStringSchema.builder().description("two to four sentences for people").build())
        .addProperty("recommendedActions", JsonArraySchema.builder()
            .description("concrete next steps for a person, most useful first")
            .items(JsonStringSchema.builder().build()).build())
        .addProperty("confidence", JsonNumberSchema.builder().description("from 0 to 1").build())
        .required("category", "rootCause", "summary", "recommendedActions", "confidence")
        .additionalProperties(false)
        .build();
    return JsonSchema.builder().name("RootCauseAnswer").rootElement(root).build();
  }

  /**
   * The text cut to about {@code maxChars} at line boundaries: its head (the error messages come first) and a window
   * around the next occurrence of the cause in the trace or logs, a quarter of the window before it and the rest
   * after, where the trace continues; without the cause, the head and the tail.
   */
  static String trim(String text, String cause, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int headEnd = lineStart(text, maxChars / 5);
    String head = text.substring(0, headEnd);
    String rest = text.substring(headEnd);
    int room = maxChars - headEnd - 2 * omitted(rest.length()).length();
    int at = locate(rest, cause);
    if (at < 0) {
      int tailStart = lineEnd(rest, rest.length() - room);
      return head + omitted(tailStart) + rest.substring(tailStart);
    }
    int start = Math.max(0, at - (int) (room * BEFORE_CAUSE));
    int end = Math.min(rest.length(), start + room);
    start = Math.max(0, end - room);
    start = start == 0 ? 0 : lineEnd(rest, start);
    end = end == rest.length() ? end : Math.max(lineStart(rest, end), Math.min(rest.length(), at + cause.length()));
    return head + (start > 0 ? omitted(start) : "") + rest.substring(start, end)
        + (end < rest.length() ? omitted(rest.length() - end) : "");
  }

  private static int locate(String text, String cause) {
    String line = cause.strip();
    if (line.isEmpty()) {
      return -1;
    }
    int at = text.indexOf(line);
    if (at < 0 && line.length() > 80) {
      at = text.indexOf(line.substring(0, 80));
    }
    return at;
  }

  private static String omitted(int chars) {
    return "\n[... " + chars + " characters omitted ...]\n";
  }

  // The start of the line holding {@code at}, so that a cut never splits a line.
  private static int lineStart(String text, int at) {
    int nl = text.lastIndexOf('\n', Math.max(0, at - 1));
    return nl < 0 ? at : nl + 1;
  }

  // The start of the next line after {@code at}.
  private static int lineEnd(String text, int at) {
    int nl = text.indexOf('\n', at);
    return nl < 0 ? at : nl + 1;
  }

  // All the run's free text, failed tasks first: their error, trace and logs.
  private static String evidence(FailedRun run) {
    StringBuilder out = new StringBuilder();
    run.event().reportedError().filter(e -> !e.isBlank())
        .ifPresent(e -> out.append("## error reported by the webhook\n").append(e.strip()).append("\n"));
    if (!run.state().message().isBlank()) {
      out.append("## run state message\n").append(run.state().message().strip()).append("\n");
    }
    List<TaskRun> failed = run.tasks().stream().filter(t -> t.error().filter(e -> !e.isEmpty()).isPresent()).toList();
    for (TaskRun task : failed) {
      TaskError error = task.error().orElseThrow();
      out.append("## task ").append(task.name()).append(" (").append(task.kind()).append(")\n");
      section(out, "error", error.message());
      section(out, "error code", error.code());
      section(out, "trace", error.trace());
      section(out, error.logsTruncated() ? "logs (cut by the platform)" : "logs", error.logs());
    }
    return out.toString().strip();
  }

  private static void section(StringBuilder out, String title, String text) {
    if (!text.isBlank()) {
      out.append("### ").append(title).append("\n").append(text.strip()).append("\n");
    }
  }

  private static String describe(RunState state) {
    StringBuilder out = new StringBuilder();
    if (!state.lifeCycleState().isBlank()) {
      out.append(state.lifeCycleState()).append('/');
    }
    out.append(state.resultState());
    state.termination().ifPresent(t -> out.append(", termination ").append(t.code())
        .append(t.type().isBlank() ? "" : " (" + t.type() + ")")
        .append(t.message().isBlank() ? "" : ": " + quote(t.message())));
    if (!state.message().isBlank()) {
      out.append(", message ").append(quote(state.message()));
    }
    return out.toString();
  }

  /** One line, in double quotes, with quotes and line breaks escaped: quoted, so it reads as data. */
  static String quote(String text) {
    String flat = text.strip().replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n");
    return "\"" + (flat.length() > 500 ? flat.substring(0, 499) + "…" : flat) + "\"";
  }

  // Text from the run must not be able to close the evidence block early and speak as the operator.
  private static String neutralise(String text) {
    return MARKERS.matcher(text).replaceAll("[evidence marker removed]");
  }

  private static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    return m.replaceAll(r -> Matcher.quoteReplacement(values.getOrDefault(r.group(1), r.group())));
  }

  private static String resource(String part) {
    String name = "prompts/" + VERSION + "." + part + ".txt";
    try (InputStream in = RcaPrompt.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing prompt resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
