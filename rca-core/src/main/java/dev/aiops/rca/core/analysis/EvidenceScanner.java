package dev.aiops.rca.core.analysis;

import dev.aiops.rca.core.classify.Classifier;
import dev.aiops.rca.core.classify.Verdict;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
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
  private static final int MAX_STATEMENT = 1_000;
  // ADF copy chains span lines ("A database\n operation failed"), so they are read whole when small enough.
  private static final int MAX_CHAIN = 256 * 1024;

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");
  private static final Pattern LOG_PREFIX = Pattern.compile(
      "^(?:\\d{2,4}[-/]\\d{2}[-/]\\d{2,4}[ T]\\d{2}:\\d{2}:\\d{2}[.,\\d]*\\s+|\\d{2}:\\d{2}:\\d{2}\\s+)");
  private static final Pattern CHATTY_LOG = Pattern.compile(
      "^(?:\\[[^\\]]*\\]\\s*)?(?:INFO|DEBUG|TRACE|WARN|WARNING)\\b[: ]");
  private static final Pattern PY_FRAME = Pattern.compile(
      "^\\s*(?:File \"[^\"]+\", line \\d+.*|File <[^>]+>, line \\d+.*|File [~/]\\S+:\\d+.*|<command-\\d+> in .*"
          + "|/\\S+\\.py in .*|Cell In\\[\\d+\\], line \\d+.*)$");
  private static final Pattern CODE_LINE = Pattern.compile("^\\s*(?:-+>\\s*)?\\d+\\s.*|^\\s+\\S.*|^\\s*\\^+\\s*$");
  private static final Pattern LIBRARY_FRAME = Pattern.compile(
      "/databricks/spark/|py4j|pyspark|/usr/lib/python|pandas/_libs|<frozen |/lib/python3\\.\\d+/(?!site-packages)");
  private static final Pattern SQL_HEADER = Pattern.compile("^== SQL(?: \\(.*\\))? ==$");
  private static final Pattern MARKER = Pattern.compile("\\bERROR\\b|Runtime Error in ");
  private static final Pattern ERROR_CODE = Pattern.compile("ErrorCode=([A-Za-z][\\w-]*)");
  private static final Pattern SQL_NUMBER = Pattern.compile("(?:SqlErrorNumber=|Sql error number: )(\\d+)");
  private static final Pattern CHAIN_MESSAGE = Pattern.compile(
      "(?<![\\w])(Storage)?(?:Extended)?Message=(.*?)(?=,Source=|,''Type=|,},|,StorageExtendedMessage=|\\s*RequestId:"
          + "|,,|',|'$|$)",
      Pattern.DOTALL);

  private static final Pattern CHAIN_TYPE = Pattern.compile("(?<=')Type=|(?<=,)Type=");

  private static final Pattern CONFLICT_FIELD = Pattern.compile(
      "\"(operation|jobId|jobName|runId|clusterId|userName|readVersion)\":\"?([^\",}]+)");

  private final Catalogue catalogue;
  private final Classifier classifier;
  private final Set<String> seen = new HashSet<>();
  private final Set<String> codes = new LinkedHashSet<>();
  private final List<String> heads = new ArrayList<>();
  private final Set<String> markers = new LinkedHashSet<>();
  private final List<String> sql = new ArrayList<>();
  private final List<String> userCode = new ArrayList<>();
  private final List<String> innerTasks = new ArrayList<>();
  private final Deque<String> recent = new ArrayDeque<>();
  private Statement best;
  // The statement right after the cause often says why ("Error messages: ... FileNotFoundException").
  private boolean followBest;
  private long order;
  private int lineStart;

  // Per-text state of the Python traceback reader.
  private boolean inTraceback;
  private String lastFrame = "";
  private boolean capturingUserCode;
  private int sqlLinesWanted;

  EvidenceScanner(Catalogue catalogue, Classifier classifier) {
    this.catalogue = catalogue;
    this.classifier = classifier;
  }

  /** Scans one text; texts are scanned in the order given, outer evidence first. */
  void scan(String source, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    inTraceback = false;
    lineStart = 0;
    lastFrame = "";
    capturingUserCode = false;
    sqlLinesWanted = 0;
    recent.clear();
    collectCodes(text.length() > MAX_CHAIN ? text.substring(0, MAX_CHAIN) : text);
    if (text.length() <= MAX_CHAIN && text.contains("Message=") && text.contains("Type=")) {
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
      lineStart = start;
      readLine(source, line, headsBefore);
      start = end + 1;
    }
  }

  Evidence result() {
    return new Evidence(Optional.ofNullable(best), List.copyOf(codes), heads, List.copyOf(markers), sql, userCode,
        innerTasks);
  }

  private void readLine(String source, String raw, int headsBefore) {
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
    if (stripped.contains("Traceback (most recent call last)")) {
      inTraceback = true;
      return;
    }
    if (PY_FRAME.matcher(line).matches()) {
      inTraceback = true;
      lastFrame = cut(stripped, 300);
      capturingUserCode = false;
      if (userCode.isEmpty() && !LIBRARY_FRAME.matcher(stripped).find()) {
        userCode.add(lastFrame);
        capturingUserCode = true;
      }
      return;
    }
    if (inTraceback && CODE_LINE.matcher(line).matches()) {
      if (capturingUserCode && userCode.size() < 5) {
        userCode.add(cut(stripped, 240));
      }
      return;
    }
    if (isDecoration(stripped)) {
      return;
    }
    inTraceback = false;
    capturingUserCode = false;
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
    offer(source, body, 0);
  }

  /**
   * An ADF copy chain ({@code ErrorCode=X,'Type=A,Message=...,Source=...,''Type=B,Message=...,SqlErrorNumber=208}):
   * every {@code Message=} is a statement, innermost last, read together with the codes of its own {@code Type=}
   * segment (the first segment also owns the chain's leading {@code ErrorCode=}).
   */
  private void scanChain(String source, String text) {
    String flat = text.replace('\r', ' ').replace('\n', ' ');
    heads.add(cut(flat.strip(), 240));
    Catalogue.Unwrapped outer = catalogue.unwrap(flat);
    innerTasks.addAll(outer.innerTasks());
    String chain = outer.inner();
    List<Integer> starts = new ArrayList<>();
    Matcher type = CHAIN_TYPE.matcher(chain);
    while (type.find()) {
      starts.add(type.start());
    }
    String leading = starts.isEmpty() ? chain : chain.substring(0, starts.get(0));
    if (starts.isEmpty() || starts.get(0) > 0) {
      starts.add(0, 0);
    }
    // Pass one: each message's own verdict, to find the chain's most telling message.
    List<ChainMessage> statements = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      String segment = chain.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : chain.length());
      Matcher messages = CHAIN_MESSAGE.matcher(segment);
      while (messages.find()) {
        String message = messages.group(2).strip().replaceAll("\\s+", " ");
        if (!message.isEmpty()) {
          String statement = cut(message, MAX_STATEMENT);
          String codes = segment.substring(0, messages.start()) + " " + segment.substring(messages.end());
          statements.add(new ChainMessage(statement, verdictOf(statement, codes, 0)));
        }
      }
    }
    // The leading ErrorCode= is the chain's own code: it decides the category of the chain's most telling message,
    // or, when no message states a cause, stands as the cause itself.
    Optional<Verdict> chainCode = classifier.identify(leading);
    int telling = -1;
    int tellingStrength = 0;
    for (int i = 0; i < statements.size(); i++) {
      int strength = statements.get(i).verdict().map(Verdict::strength).orElse(0);
      if (strength > 0 && strength >= tellingStrength) {
        telling = i;
        tellingStrength = strength;
      }
    }
    for (int i = 0; i < statements.size(); i++) {
      ChainMessage message = statements.get(i);
      Optional<Verdict> verdict = i == telling && chainCode.isPresent()
          && chainCode.get().strength() > tellingStrength ? chainCode : message.verdict();
      consider(source, message.text(), floor -> verdict);
      remember(message.text());
    }
    if (telling < 0 && chainCode.isPresent()) {
      Matcher codeMatcher = ERROR_CODE.matcher(leading.isEmpty() ? chain : leading);
      while (codeMatcher.find()) {
        consider(source, "ErrorCode=" + codeMatcher.group(1), "");
      }
    }
  }

  /** One {@code Message=} of an ADF chain, cut, with its own verdict. */
  private record ChainMessage(String text, Optional<Verdict> verdict) {}

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

  private void offer(String source, String line, int depth) {
    Catalogue.Unwrapped unwrapped = catalogue.unwrap(line);
    innerTasks.addAll(unwrapped.innerTasks().stream().filter(t -> !innerTasks.contains(t)).toList());
    String text = unwrapped.inner();
    int escapedNewline = text.indexOf("\\n");
    if (escapedNewline > 0) {
      // Repr-escaped output ("...conflict. \nRefer to ...\n\tat ...") ends the statement at its first newline.
      text = text.substring(0, escapedNewline).strip();
    }
    if (text.isEmpty() || catalogue.isNoise(text)) {
      remember(line);
      return;
    }
    consider(source, text, unwrapped.peeled());
    for (String reason : BodyReasons.of(text)) {
      // The body's own message, read with the line around it (its status and codes).
      consider(source, reason, text);
    }
    remember(line);
  }

  /** Considers one statement; {@code peeled} is what its wrappers said, which may name a code the cause lacks. */
  /** Considers one statement; {@code peeled} is what its wrappers said, which may name a code the cause lacks. */
  private void consider(String source, String statement, String peeled) {
    String text = cut(statement, MAX_STATEMENT);
    consider(source, text, floor -> verdictOf(text, peeled, floor));
  }

  /**
   * Considers one statement, already cut, with the verdict its caller finds for it given the strength it has to
   * reach (the scan's best so far: the late layers need not run when they could not).
   */
  private void consider(String source, String text, IntFunction<Optional<Verdict>> verdict) {
    long position = order++;
    if (seen.contains(text)) {
      return;
    }
    if (followBest && best != null && best.source().equals(source)) {
      if (best.text().endsWith(":") && best.text().length() + text.length() < MAX_STATEMENT) {
        // A cause that ends in a colon goes on in the next line ("Insufficient privileges:\nUser does not ...").
        best = best.continuedBy(text);
        return;
      }
      List<String> more = new ArrayList<>(best.context());
      more.add(cut(text, 300));
      best = best.withContext(more);
    }
    followBest = false;
    if (seen.size() < MAX_DISTINCT) {
      seen.add(text);
    }
    // Ties go to the later statement, so a verdict as strong as the best so far still counts.
    Optional<Verdict> match = verdict.apply(best == null ? 0 : best.priority());
    int priority = match.map(Verdict::strength).orElse(0);
    // Equal priority: the later statement is the inner one (Caused by chains, continuation lines).
    if (best == null || priority >= best.priority()) {
      best = new Statement(text, source, position, lineStart, match, context());
      followBest = true;
    }
  }

  /** The statement's own verdict, or the code its wrappers named when that says more. */
  private Optional<Verdict> verdictOf(String text, String peeled, int floor) {
    Optional<Verdict> match = classifier.classify(text, floor);
    if (match.map(Verdict::strength).orElse(0) < Verdict.IDENTIFIER && !peeled.isBlank()) {
      Optional<Verdict> wrapperCode = classifier.identify(peeled);
      if (wrapperCode.isPresent()) {
        return wrapperCode;
      }
    }
    return match;
  }

  private List<String> context() {
    List<String> context = new ArrayList<>(recent);
    if (!lastFrame.isEmpty()) {
      context.add(lastFrame);
    }
    return context;
  }

  private void remember(String line) {
    recent.addLast(cut(line, 300));
    while (recent.size() > 2) {
      recent.removeFirst();
    }
  }

  private void collectCodes(String text) {
    Matcher code = ERROR_CODE.matcher(text);
    while (code.find() && codes.size() < 16) {
      codes.add(code.group(1));
    }
    Matcher number = SQL_NUMBER.matcher(text);
    while (number.find() && codes.size() < 16) {
      codes.add("SQL" + number.group(1));
    }
  }

  private static boolean isHeadLine(String stripped) {
    return !isDecoration(stripped) && !stripped.contains("Traceback (most recent call last)");
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
