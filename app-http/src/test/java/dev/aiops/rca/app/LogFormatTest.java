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
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

class LogFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /** Configures a fresh logback context from the service's logback.xml and logs one step through it. */
  private static List<String> logWith(String format) throws JoranException {
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
      MDC.put("run", "DATABRICKS:42");
      MDC.put("incident", "7");
      log.info("{} by {}: {}", "ANALYZED", "pipeline", "\"quoted\" detail");
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
