package dev.aiops.rca.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core reads run states as {@code RunOutcome}s that the adapters map; a platform's own state word in the
 * core's code would mean a second, drifting mapping.
 */
class NoPlatformStateLiteralsTest {

  private static final Pattern STATE_LITERAL = Pattern.compile("\"(FAILED|TIMEDOUT|TIMED_OUT|CANCELED|CANCELLED"
      + "|INTERNAL_ERROR|SUCCESS|SUCCEEDED|UPSTREAM_FAILED|UPSTREAM_CANCELED|TERMINATED|PENDING|RUNNING|QUEUED"
      + "|CLOUD_FAILURE|CLIENT_ERROR|SERVICE_FAULT|Succeeded|Failed|Cancelled|Canceled|InProgress|Queued|Skipped"
      + "|SystemError|UserError)\"");

  @Test
  void should_find_no_platform_state_word_in_the_core_code() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          Matcher m = STATE_LITERAL.matcher(line);
          // Comments may name the platforms' words; code may not.
          if (!line.startsWith("//") && !line.startsWith("*") && m.find()) {
            found.add(file + ":" + (i + 1) + " " + m.group());
          }
        }
      }
    }

    assertThat(found).isEmpty();
  }

  @Test
  void should_catch_a_state_word_when_one_is_written() {
    assertThat(STATE_LITERAL.matcher("if (state.equals(\"TIMEDOUT\")) {").find()).isTrue();
  }
}
