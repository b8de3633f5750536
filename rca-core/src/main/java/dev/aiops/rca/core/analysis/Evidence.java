package dev.aiops.rca.core.analysis;

import java.util.List;
import java.util.Optional;

/**
 * What a scan of a failed task's texts found.
 *
 * @param cause the statement chosen as the root cause, if any line stated one
 * @param codes platform codes found inside the texts ({@code ErrorCode=...}, SQL error numbers)
 * @param heads the first meaningful lines of each text, for the excerpt
 * @param markers log lines that flag errors ({@code ERROR}, {@code Runtime Error in ...})
 * @param sql the SQL fragment an error points at
 * @param userCode the first user code frame of a Python traceback and its code lines
 * @param innerTasks the inner task or activity names that wrappers named, outermost first
 */
record Evidence(
    Optional<Statement> cause,
    List<String> codes,
    List<String> heads,
    List<String> markers,
    List<String> sql,
    List<String> userCode,
    List<String> innerTasks) {

  Evidence {
    codes = List.copyOf(codes);
    heads = List.copyOf(heads);
    markers = List.copyOf(markers);
    sql = List.copyOf(sql);
    userCode = List.copyOf(userCode);
    innerTasks = List.copyOf(innerTasks);
  }
}
