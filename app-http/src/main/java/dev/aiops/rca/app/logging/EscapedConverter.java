package dev.aiops.rca.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/** {@code %escaped(...)} in a text pattern: what the inner pattern wrote, with every unsafe character escaped. */
public final class EscapedConverter extends CompositeConverter<ILoggingEvent> {

  @Override
  protected String transform(ILoggingEvent event, String in) {
    return LogEscape.escape(in);
  }
}
