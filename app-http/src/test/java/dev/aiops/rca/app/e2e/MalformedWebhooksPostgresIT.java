package dev.aiops.rca.app.e2e;

import dev.aiops.rca.app.PostgresSchema;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The malformed-webhook bombardment on PostgreSQL, which refuses what H2 takes (NUL characters in text): fewer
 * bodies, the same checks. Skipped when PostgreSQL is unreachable, unless {@code CI=true}.
 */
class MalformedWebhooksPostgresIT {

  @TempDir
  Path data;

  @Test
  @Timeout(120)
  void should_answer_every_malformed_body_with_a_reasoned_4xx_and_keep_it_when_stored_in_postgresql()
      throws Exception {
    try (PostgresSchema schema = PostgresSchema.create()) {
      Map<String, String> settings = new HashMap<>(schema.environment());
      settings.put("RCA_WORKERS", "1");
      try (E2eService service = E2eService.start(data, settings)) {
        MalformedWebhooksTest.assertSurvives(service, 2_000);
      }
    }
  }
}
