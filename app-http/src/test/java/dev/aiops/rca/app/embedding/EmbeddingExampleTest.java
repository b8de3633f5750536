package dev.aiops.rca.app.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    int to = text.indexOf(end, from + 1);
    assertThat(from).as("marker %s", start).isNotNegative();
    assertThat(to).as("marker %s", end).isPositive();
    return text.substring(from + start.length(), to).strip();
  }

  private static String unindent(String code) {
    return code.lines().map(String::strip).filter(line -> !line.isEmpty()).reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void should_show_the_compiled_example_when_the_readme_is_read() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String source = Files.readString(
        Path.of("src", "test", "java", "dev", "aiops", "rca", "app", "embedding", "EmbeddingExample.java"));

    String shown = between(readme, "<!-- embedding-example:start -->\n```java", "```\n<!-- embedding-example:end -->");
    String compiled = between(source, "// README:start", "// README:end");

    assertThat(unindent(shown)).isEqualTo(unindent(compiled));
  }

  @Test
  void should_open_an_incident_with_a_ticket_and_a_message_when_the_example_receives_a_webhook()
      throws InterruptedException {
    InMemoryIssueTracker tracker = new InMemoryIssueTracker();
    InMemoryNotifier notifier = new InMemoryNotifier();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:embedding_" + UUID.randomUUID().toString().replace("-", "")
        + JdbcSettings.H2_OPTIONS + ";DB_CLOSE_DELAY=-1");
    try (HikariDataSource pool = new HikariDataSource(config);
        RcaAssistant rca = EmbeddingExample.assistant(pool, tracker, notifier)) {
      EmbeddingExample.onWebhook(rca, "{\"event\":\"on_failure\",\"run_id\":7,\"job_id\":1,"
          + "\"job_name\":\"etl_orders\",\"error_message\":\"AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] "
          + "The table or view `prod`.`orders` cannot be found.\"}");

      Instant deadline = Instant.now().plusSeconds(20);
      while (notifier.sent().isEmpty() && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
      assertThat(rca.incidents().list(IncidentQuery.all(5))).hasSize(1);
      assertThat(tracker.tickets()).hasSize(1);
      assertThat(notifier.sent()).hasSize(1);
    }
  }
}
