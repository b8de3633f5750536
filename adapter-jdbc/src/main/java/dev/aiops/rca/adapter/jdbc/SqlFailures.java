package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;

/** Maps database failures to port exceptions, in one place, keeping the cause. */
final class SqlFailures {

  private SqlFailures() {}

  static PortException map(String operation, RuntimeException failure) {
    if (failure instanceof PortException) {
      return (PortException) failure;
    }
    String message = operation + " failed: " + failure.getMessage();
    if (failure instanceof ConnectionException || isTransient(sqlCause(failure))) {
      return new TransientPortException(message, failure);
    }
    return new PermanentPortException(message, failure);
  }

  /** Whether a retry of the whole transaction may succeed: a lost connection, a timeout, a conflict. */
  static boolean isTransient(SQLException e) {
    if (e == null) {
      return false;
    }
    if (e instanceof SQLTransientException) {
      return true;
    }
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    // 08 connection, 40 serialization and deadlock, 53 resources, 57 operator intervention; HYT00 is H2's lock
    // timeout and 90131 its concurrent update of one row.
    return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")
        || state.equals("HYT00") || e.getErrorCode() == 90131;
  }

  /** Whether two transactions raced for one unique key; retrying lets the loser see the winner's row. */
  static boolean isUniqueViolation(RuntimeException failure) {
    SQLException e = sqlCause(failure);
    return e != null && "23505".equals(e.getSQLState());
  }

  static SQLException sqlCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        return (SQLException) t;
      }
    }
    return null;
  }

  /** Whether the failure came from the database (as opposed to a bug or a bad argument). */
  static boolean isDatabaseFailure(RuntimeException failure) {
    return failure instanceof JdbiException;
  }
}
