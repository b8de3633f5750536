package dev.aiops.rca.core.analysis;

import dev.aiops.rca.core.analysis.CausePicker.Origin;
import dev.aiops.rca.core.classify.Classifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scans error messages, traces and logs line by line for the statement that states the root cause.
 *
 * <p>One pass, linear in the input: stack frames are skipped with a prefix test, only lines that can state a
 * cause are matched against the catalogue, and everything kept is bounded (a line is cut at {@link #MAX_LINE}
 * characters, at most {@link #MAX_DISTINCT} distinct statements are remembered), so a 50 MB trace costs time in
 * proportion to its size and a constant amount of memory. Each statement is classified layer by layer; the
 * statement with the strongest verdict is the cause. Not thread-safe: use one scanner per analysis.
 */
final class EvidenceScanner {

  static final int MAX_LINE = 4_000;
  static final int MAX_DISTINCT = 4_096;
  static final int MAX_STATEMENT = 1_000;

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");
  private static final Pattern LOG_PREFIX = Pattern.compile(
      "^(?:\\d{2,4}[-/]\\d{2}[-/]\\d{2,4}[ T]\\d{2}:\\d{2}:\\d{2}[.,\\d]*\\s+|\\d{2}:\\d{2}:\\d{2}\\s+)");
  private static final Pattern CHATTY_LOG = Pattern.compile(
      "^(?:\\[[^\\]]*\\]\\s*)?(?:INFO|DEBUG|TRACE|WARN|WARNING)\\b[: ]");
  private static final Pattern SQL_HEADER = Pattern.compile("^== SQL(?: \\(.*\\))? ==$");
  private static final Pattern MARKER = Pattern.compile("\\bERROR\\b|Runtime Error in ");

  private static final Pattern CONFLICT_FIELD = Pattern.compile(
      "\"(operation|jobId|jobName|runId|clusterId|userName|readVersion)\":\"?([^\",}]+)");

  private final Catalogue catalogue;
  private final StatementVerdicts verdicts;
  private final CausePicker picker;
  private final PythonTraceback traceback = new PythonTraceback();
  private final Set<String> codes = new LinkedHashSet<>();
  private final List<String> heads = new ArrayList<>();
  private final Set<String> markers = new LinkedHashSet<>();
  private final List<String> sql = new ArrayList<>();
  private final List<String> innerTasks = new ArrayList<>();
  private int sqlLinesWanted;

  EvidenceScanner(Catalogue catalogue, Classifier classifier) {
    this.catalogue = catalogue;
    this.verdicts = new StatementVerdicts(classifier);
    this.picker = new CausePicker(verdicts);
  }

  /** Scans one text; texts are scanned in the order given, outer evidence first. */
  void scan(String source, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    traceback.startText();
    sqlLinesWanted = 0;
    picker.startText();
    AdfChain.collectCodes(text, codes);
    if (AdfChain.isChain(text)) {
      scanChain(source, text);
      return;
    }
    int headsBefore = heads.size();
    int start = 0;
    int length = text.length();
    while (start <= length) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = length;
      }
      // Cut monster lines: a cause is stated near the start of its line.
      String line = text.substring(start, Math.min(end, start + MAX_LINE));
      readLine(source, start, line, headsBefore);
      start = end + 1;
    }
  }

  Evidence result() {
    return new Evidence(picker.best(), List.copyOf(codes), heads, List.copyOf(markers), sql, traceback.userCode(),
        innerTasks);
  }

  private void readLine(String source, int offset, String raw, int headsBefore) {
    String line = raw.indexOf('\u001B') >= 0 ? ANSI.matcher(raw).replaceAll("") : raw;
    line = stripEnd(line);
    String stripped = line.strip();
    if (stripped.isEmpty()) {
      return;
    }
    if (stripped.startsWith("at ") && stripped.indexOf('(') > 0 || stripped.startsWith("... ")
        && stripped.endsWith(" more")) {
      return;
    }
    if (heads.size() - headsBefore < 2 && isHeadLine(stripped) && !catalogue.isNoise(stripped)) {
      heads.add(cut(stripped, 240));
    }
    if (sqlLinesWanted > 0) {
      sqlLinesWanted--;
      if (sql.size() < 4) {
        sql.add(cut(stripped, 240));
      }
      return;
    }
    if (SQL_HEADER.matcher(stripped).matches()) {
      sqlLinesWanted = 1;
      return;
    }
    if (traceback.read(line, stripped) || isDecoration(stripped)) {
      return;
    }
    traceback.end();
    String body = LOG_PREFIX.matcher(stripped).replaceFirst("");
    if (body.startsWith("Conflicting commit:")) {
      markers.add(conflict(body));
      return;
    }
    if (MARKER.matcher(body).find() && markers.size() < 6) {
      markers.add(cut(body, 240));
    }
    if (CHATTY_LOG.matcher(body).find() || catalogue.isNoise(body)) {
      return;
    }
    offer(new Origin(source, offset, traceback.lastFrame()), body);
  }

  /** An ADF copy chain, read whole: see {@link AdfChain}. */
  private void scanChain(String source, String text) {
    String flat = text.replace('\r', ' ').replace('\n', ' ');
    heads.add(cut(flat.strip(), 240));
    Catalogue.Unwrapped outer = catalogue.unwrap(flat);
    innerTasks.addAll(outer.innerTasks());
    AdfChain chain = AdfChain.read(outer.inner(), verdicts);
    Origin origin = new Origin(source, 0, "");
    for (AdfChain.Message message : chain.messages()) {
      picker.consider(origin, message.text(), floor -> message.verdict());
      picker.remember(message.text());
    }
    for (String code : chain.leadingCodes()) {
      picker.consider(origin, "ErrorCode=" + code, "");
    }
  }

  /** The facts of a Delta conflicting commit: which operation, job, run and cluster wrote concurrently. */
  private static String conflict(String line) {
    StringBuilder out = new StringBuilder("Conflicting commit:");
    Matcher m = CONFLICT_FIELD.matcher(line);
    Set<String> keys = new HashSet<>();
    while (m.find()) {
      if (keys.add(m.group(1))) {
        out.append(' ').append(m.group(1)).append('=').append(m.group(2)).append(';');
      }
    }
    return cut(out.toString(), 400);
  }

  private void offer(Origin origin, String line) {
    Catalogue.Unwrapped unwrapped = catalogue.unwrap(line);
    innerTasks.addAll(unwrapped.innerTasks().stream().filter(t -> !innerTasks.contains(t)).toList());
    String text = unwrapped.inner();
    int escapedNewline = text.indexOf("\\n");
    if (escapedNewline > 0) {
      // Repr-escaped output ("...conflict. \nRefer to ...\n\tat ...") ends the statement at its first newline.
      text = text.substring(0, escapedNewline).strip();
    }
    if (text.isEmpty() || catalogue.isNoise(text)) {
      picker.remember(line);
      return;
    }
    picker.consider(origin, text, unwrapped.peeled());
    for (String reason : BodyReasons.of(text)) {
      // The body's own message, read with the line around it (its status and codes).
      picker.consider(origin, reason, text);
    }
    picker.remember(line);
  }

  private static boolean isHeadLine(String stripped) {
    return !isDecoration(stripped) && !PythonTraceback.isHeader(stripped);
  }

  private static boolean isDecoration(String stripped) {
    char first = stripped.charAt(0);
    return stripped.startsWith("---") || stripped.startsWith("+-") || stripped.startsWith(":-")
        || stripped.startsWith("^") || first >= '\u2500' && first <= '\u259F'
        || first == '\'' && stripped.length() > 1 && Character.isLetter(stripped.charAt(1))
        || stripped.equals("Driver stacktrace:")
        || stripped.startsWith("The above exception was the direct cause")
        || stripped.startsWith("During handling of the above exception");
  }

  private static String stripEnd(String line) {
    int end = line.length();
    while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(0, end);
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
