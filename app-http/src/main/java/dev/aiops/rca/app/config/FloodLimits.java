package dev.aiops.rca.app.config;

import java.util.List;

/**
 * How far one burst of failures may fan out.
 *
 * @param maxRunsPerWebhook how many runs one webhook body may name ({@code RCA_MAX_RUNS_PER_WEBHOOK}, 1 to 10000,
 *     default 100); a body naming more is refused with 413 and kept as a rejected delivery
 * @param notifyBurst how many new incidents a minute get a message each ({@code RCA_NOTIFY_BURST}, 1 to 1000,
 *     default 10); past that they are listed on one storm summary
 */
public record FloodLimits(int maxRunsPerWebhook, int notifyBurst) {

  public static final int DEFAULT_MAX_RUNS_PER_WEBHOOK = 100;
  public static final int DEFAULT_NOTIFY_BURST = 10;

  public FloodLimits {
    if (maxRunsPerWebhook < 1 || maxRunsPerWebhook > 10_000) {
      throw new IllegalArgumentException("maxRunsPerWebhook must be within [1, 10000], was " + maxRunsPerWebhook);
    }
    if (notifyBurst < 1 || notifyBurst > 1_000) {
      throw new IllegalArgumentException("notifyBurst must be within [1, 1000], was " + notifyBurst);
    }
  }

  /** 100 runs a body, 10 messages a minute before the storm summary. */
  public static FloodLimits defaults() {
    return new FloodLimits(DEFAULT_MAX_RUNS_PER_WEBHOOK, DEFAULT_NOTIFY_BURST);
  }

  static FloodLimits read(SettingsReader settings) {
    return new FloodLimits(
        settings.number("RCA_MAX_RUNS_PER_WEBHOOK", DEFAULT_MAX_RUNS_PER_WEBHOOK, 1, 10_000),
        settings.number("RCA_NOTIFY_BURST", DEFAULT_NOTIFY_BURST, 1, 1_000));
  }

  List<String> describe() {
    return List.of("RCA_MAX_RUNS_PER_WEBHOOK=" + maxRunsPerWebhook, "RCA_NOTIFY_BURST=" + notifyBurst);
  }
}
