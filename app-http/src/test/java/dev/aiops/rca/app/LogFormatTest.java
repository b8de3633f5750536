package dev.aiops.rca.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

class LogFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A job name as a hostile sender would choose it: a forged log line, a colour code and an 8-bit CSI. */
  private static final String HOSTILE = "nightly\r\nFAKE 00:00 INFO forged \u001b[31mred\u009b0m\u2028end";
  private static final String HOSTILE_ESCAPED = "nightly\\r\\nFAKE 00:00 INFO forged \\u001b[31mred\\u009b0m\\u2028end";

  @Test
  void should_write_one_json_object_per_line_with_the_run_and_incident_when_RCA_LOG_FORMAT_is_json() throws Exception {
    List<String> lines = logWith("json");

    assertThat(lines).hasSize(1);
    JsonNode line = JSON.readTree(lines.get(0));
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    assertThat(line.path("loggerName").asText()).isEqualTo("dev.aiops.rca.steps");
    assertThat(line.path("formattedMessage").asText()).isEqualTo("ANALYZED by pipeline: \"quoted\" detail");
    assertThat(line.path("mdc").path("run").asText()).isEqualTo("DATABRICKS:42");
    assertThat(line.path("mdc").path("incident").asText()).isEqualTo("7");
  }

  @Test
  void should_write_text_lines_with_the_run_and_incident_when_RCA_LOG_FORMAT_is_unset() throws Exception {
    List<String> lines = logWith(null);

    assertThat(lines).singleElement().satisfies(line -> {
      assertThat(line).doesNotStartWith("{");
      assertThat(line).contains("INFO", "DATABRICKS:42 7 - ANALYZED by pipeline: \"quoted\" detail");
    });
  }

  @Test
  void should_keep_a_forged_line_and_escape_codes_escaped_on_one_line_in_the_text_format() throws Exception {
    List<String> lines = logWith(null, "DATABRICKS:42\nFAKE", log -> log.info("job {} failed", HOSTILE));

    assertThat(lines).singleElement().satisfies(line -> {
      assertThat(line).contains("DATABRICKS:42\\nFAKE").endsWith("job " + HOSTILE_ESCAPED + " failed");
      assertThat(line).doesNotContain("\u001b", "\u009b", "\r", "\u2028");
    });
  }

  @Test
  void should_escape_the_message_of_a_logged_exception_in_the_text_format() throws Exception {
    List<String> lines = logWith(null, "DATABRICKS:42",
        log -> log.warn("fetch failed", new IllegalStateException("not found: " + HOSTILE)));

    // The stack trace keeps its own lines; the exception's message stays on the first of them.
    assertThat(lines).noneMatch(line -> line.startsWith("FAKE")).noneMatch(line -> line.contains("\u001b"));
    assertThat(lines).first().asString().endsWith("fetch failed");
    assertThat(lines).contains("java.lang.IllegalStateException: not found: " + HOSTILE_ESCAPED);
  }

  @Test
  void should_keep_a_forged_line_and_escape_codes_escaped_on_one_line_in_the_json_format() throws Exception {
    List<String> lines = logWith("json", "DATABRICKS:42\nFAKE", log -> log.info("job {} failed", HOSTILE));

    assertThat(lines).singleElement().satisfies(line -> {
      assertThat(line).doesNotContain("\u001b", "\u009b", "\r", "\u2028");
      JsonNode json = JSON.readTree(line);
      assertThat(json.path("formattedMessage").asText()).isEqualTo("job " + HOSTILE + " failed");
      assertThat(json.path("mdc").path("run").asText()).isEqualTo("DATABRICKS:42\nFAKE");
    });
  }

  private static List<String> logWith(String format) throws JoranException {
    return logWith(format, "DATABRICKS:42",
        log -> log.info("{} by {}: {}", "ANALYZED", "pipeline", "\"quoted\" detail"));
  }

  /** Configures a fresh logback context from the service's logback.xml and logs through it. */
  private static List<String> logWith(String format, String run, Consumer<Logger> logging) throws JoranException {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    if (format != null) {
      context.putProperty("RCA_LOG_FORMAT", format);
    }
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      Logger log = context.getLogger("dev.aiops.rca.steps");
      MDC.put("run", run);
      MDC.put("incident", "7");
      logging.accept(log);
      // A warning would make logback print its whole status on every start of the service.
      assertThat(new StatusUtil(context).getHighestLevel(0)).as("logback status").isEqualTo(Status.INFO);
    } finally {
      MDC.clear();
      context.stop();
      System.setErr(stderr);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }
}
