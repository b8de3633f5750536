package dev.aiops.rca.app.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;

/**
 * {@code %escapedEx}: the stack trace on its own lines, as usual, but with each exception's message escaped, since
 * messages often quote what came from outside (a job name, a response body).
 */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {

  @Override
  protected String throwableProxyToString(IThrowableProxy thrown) {
    return super.throwableProxyToString(new Escaped(thrown));
  }

  /** The throwable with its message, and those of its causes and suppressed ones, escaped. */
  private record Escaped(IThrowableProxy thrown) implements IThrowableProxy {

    @Override
    public String getMessage() {
      return LogEscape.escape(thrown.getMessage());
    }

    @Override
    public String getClassName() {
      return LogEscape.escape(thrown.getClassName());
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return thrown.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return thrown.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      return thrown.getCause() == null ? null : new Escaped(thrown.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] suppressed = thrown.getSuppressed();
      return suppressed == null ? null : Arrays.stream(suppressed).map(Escaped::new).toArray(IThrowableProxy[]::new);
    }

    @Override
    public boolean isCyclic() {
      return thrown.isCyclic();
    }
  }
}
