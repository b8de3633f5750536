package dev.aiops.rca.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How far a webhook travels through our own code before it is durable: the types whose methods are on the thread's
 * stack when the inbox row is written (read inside the database itself, by a trigger, so that nothing of the
 * test's stands in the path), plus the platform's reader, which is asked first and has returned by then.
 */
class WebhookPathTest {

  /** Our types at most between the HTTP request and its durable 202, as the design asks. */
  private static final int MOST_TYPES = 5;
  /** The reader is consulted before the write, so it is not on the stack then; it counts all the same. */
  private static final String READER = "dev.aiops.rca.adapter.databricks.DatabricksWebhookReader";

  /** Records the stack of every insert into the inbox. */
  public static final class StackProbe implements Trigger {
    static final List<StackTraceElement[]> STACKS = new CopyOnWriteArrayList<>();

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
      STACKS.add(Thread.currentThread().getStackTrace());
    }
  }

  @Test
  void should_reach_the_durable_202_through_at_most_five_types_of_our_own(@TempDir Path dir) throws Exception {
    try (E2eService service = E2eService.start(dir, Map.of())) {
      try (Connection connection = DriverManager.getConnection(JdbcSettings.h2File(dir).url(), "", "");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TRIGGER stack_probe BEFORE INSERT ON inbox FOR EACH ROW CALL '"
            + StackProbe.class.getName() + "'");
      }
      StackProbe.STACKS.clear();

      HttpResponse<String> answer = service.post("/webhooks/databricks", Dependencies.WEBHOOK);

      assertThat(answer.statusCode()).isEqualTo(202);
      assertThat(StackProbe.STACKS).hasSize(1);
      Set<String> path = new LinkedHashSet<>();
      Arrays.stream(StackProbe.STACKS.get(0))
          .map(StackTraceElement::getClassName)
          .filter(name -> name.startsWith("dev.aiops.rca.") && !name.startsWith(WebhookPathTest.class.getName()))
          .map(name -> name.replaceAll("\\$.*", ""))
          .forEach(path::add);
      path.add(READER);
      assertThat(path).as("our types from the request to the durable write: %s", path)
          .hasSizeLessThanOrEqualTo(MOST_TYPES)
          .contains("dev.aiops.rca.adapter.web.webhook.WebhookRoutes",
              "dev.aiops.rca.core.intake.ReceiveWebhookService", "dev.aiops.rca.adapter.jdbc.JdbiInbox");
    }
  }
}
