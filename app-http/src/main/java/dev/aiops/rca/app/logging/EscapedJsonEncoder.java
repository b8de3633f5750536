package dev.aiops.rca.app.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;

/**
 * logback's {@link JsonEncoder}, which escapes only what JSON requires (below 0x20), with DEL, the C1 controls and
 * U+2028/9 escaped as well, so that a terminal showing the log never receives an 8-bit escape sequence.
 */
public final class EscapedJsonEncoder extends JsonEncoder {

  @Override
  public byte[] encode(ILoggingEvent event) {
    String json = new String(super.encode(event), StandardCharsets.UTF_8);
    // Apart from the line's end, these characters can only occur inside JSON strings, where an escape stands for
    // them exactly.
    String line = json.endsWith("\n") ? json.substring(0, json.length() - 1) : json;
    return (LogEscape.escape(line) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
