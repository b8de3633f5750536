package dev.aiops.rca.app.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.port.in.HandleFailureUseCase;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void should_open_an_incident_when_the_example_pipeline_handles_a_failure() {
    InMemoryIncidentRepository store = new InMemoryIncidentRepository();
    InMemoryIssueTracker tracker = new InMemoryIssueTracker();
    HandleFailureUseCase pipeline = EmbeddingExample.pipeline(store, store, store, tracker,
        new InMemoryNotifier());

    EmbeddingExample.onFailure(pipeline, Samples.databricksEvent("7"));

    assertThat(store.list(IncidentQuery.all(5))).hasSize(1);
    assertThat(tracker.tickets()).hasSize(1);
  }
}
