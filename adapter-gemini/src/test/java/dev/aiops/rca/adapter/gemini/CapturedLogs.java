package dev.aiops.rca.adapter.gemini;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Every log line, at every level, written while open: to show what a key or a prompt would leak into. */
final class CapturedLogs implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Level before = root.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  CapturedLogs() {
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
  }

  /** The messages and the stack traces of their exceptions, one after the other. */
  String text() {
    return appender.list.stream()
        .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
            : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    root.setLevel(before);
    root.detachAppender(appender);
    appender.stop();
  }
}
