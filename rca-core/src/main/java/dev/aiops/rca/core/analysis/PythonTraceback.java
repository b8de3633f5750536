package dev.aiops.rca.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Python tracebacks line by line: their header, frames and code lines state no cause, but the first frame in
 * user code, with its code lines, shows where the failure happened. Holds per-text state; not thread-safe.
 */
final class PythonTraceback {

  private static final String HEADER = "Traceback (most recent call last)";
  private static final Pattern FRAME = Pattern.compile(
      "^\\s*(?:File \"[^\"]+\", line \\d+.*|File <[^>]+>, line \\d+.*|File [~/]\\S+:\\d+.*|<command-\\d+> in .*"
          + "|/\\S+\\.py in .*|Cell In\\[\\d+\\], line \\d+.*)$");
  private static final Pattern CODE_LINE = Pattern.compile("^\\s*(?:-+>\\s*)?\\d+\\s.*|^\\s+\\S.*|^\\s*\\^+\\s*$");
  private static final Pattern LIBRARY_FRAME = Pattern.compile(
      "/databricks/spark/|py4j|pyspark|/usr/lib/python|pandas/_libs|<frozen |/lib/python3\\.\\d+/(?!site-packages)");

  private final List<String> userCode = new ArrayList<>();
  private boolean inside;
  private String lastFrame = "";
  private boolean capturingUserCode;

  static boolean isHeader(String stripped) {
    return stripped.contains(HEADER);
  }

  /** Starts a new text: a traceback does not go on from the previous one. */
  void startText() {
    inside = false;
    lastFrame = "";
    capturingUserCode = false;
  }

  /** Reads the line if it belongs to a traceback (its header, a frame or a code line) and says whether it did. */
  boolean read(String line, String stripped) {
    if (isHeader(stripped)) {
      inside = true;
      return true;
    }
    if (FRAME.matcher(line).matches()) {
      inside = true;
      lastFrame = EvidenceScanner.cut(stripped, 300);
      capturingUserCode = false;
      if (userCode.isEmpty() && !LIBRARY_FRAME.matcher(stripped).find()) {
        userCode.add(lastFrame);
        capturingUserCode = true;
      }
      return true;
    }
    if (inside && CODE_LINE.matcher(line).matches()) {
      if (capturingUserCode && userCode.size() < 5) {
        userCode.add(EvidenceScanner.cut(stripped, 240));
      }
      return true;
    }
    return false;
  }

  /** Ends the traceback: the line just read is none of it. */
  void end() {
    inside = false;
    capturingUserCode = false;
  }

  /** The last frame read in this text, or empty. */
  String lastFrame() {
    return lastFrame;
  }

  /** The first user code frame and its code lines, across all texts. */
  List<String> userCode() {
    return userCode;
  }
}
