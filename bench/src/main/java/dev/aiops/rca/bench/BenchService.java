package dev.aiops.rca.bench;

import dev.aiops.rca.app.RcaService;
import dev.aiops.rca.app.Wiring;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.WebSettings;
import dev.aiops.rca.domain.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * The service as {@code serve} starts it ({@link RcaService#start}), on a benchmark's database, on loopback, with
 * webhooks taken without a key, the per-source rate limit lifted (so that storage, not the bucket, is timed) and no
 * dashboard.
 */
final class BenchService {

  private BenchService() {}

  static RcaService.Launch launch(BenchDatabase db, int workers, Wiring.Options options) {
    Map<String, String> env;
    try {
      env = Map.of("RCA_DATA_DIR", Files.createTempDirectory("rca-bench").toString(),
          "RCA_WORKERS", Integer.toString(workers), "RCA_WEBHOOK_RATE", "100000");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ConfigSource source = ConfigSource.of(env);
    return RcaService.Launch.of(AppConfig.from(source), WebSettings.dashboard(source),
            WebSettings.webhookLimits(source), new Secret("bench-key-not-checked-0123456789"))
        .on("127.0.0.1", 0)
        .withOpenWebhooks()
        .withoutDashboard()
        .withOptions(options.withDatabase(db.settings()));
  }

  static RcaService start(BenchDatabase db, int workers, Wiring.Options options) {
    return RcaService.start(launch(db, workers, options));
  }
}
