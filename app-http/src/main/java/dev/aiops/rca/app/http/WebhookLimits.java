package dev.aiops.rca.app.http;

import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.InvalidConfigException;
import java.util.List;
import java.util.Optional;

/**
 * How much the webhook paths take: bodies up to {@code maxBodyBytes}, and per source (Databricks, ADF) a token
 * bucket refilled at {@code ratePerSecond} that holds up to {@code burst} requests.
 */
public record WebhookLimits(int ratePerSecond, int burst, long maxBodyBytes) {

  /** 1 MiB: far above any real failure webhook (a few KB), far below what would strain the inbox. */
  public static final long MAX_BODY_BYTES = 1_048_576;
  public static final int DEFAULT_RATE = 200;

  public WebhookLimits {
    if (ratePerSecond < 1) {
      throw new IllegalArgumentException("ratePerSecond must be positive, was " + ratePerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be positive, was " + burst);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
    }
  }

  /** 200 webhooks a second per source, bursts of 400, bodies up to 1 MiB. */
  public static WebhookLimits defaults() {
    return of(DEFAULT_RATE);
  }

  /** {@code ratePerSecond} per source, with bursts of twice that: a retry storm after an outage fits. */
  public static WebhookLimits of(int ratePerSecond) {
    return new WebhookLimits(ratePerSecond, Math.multiplyExact(ratePerSecond, 2), MAX_BODY_BYTES);
  }

  /**
   * Reads {@code RCA_WEBHOOK_RATE} (webhooks per second per source, 1 to 100000; default 200).
   *
   * @throws InvalidConfigException if it is not such a number
   */
  public static WebhookLimits from(ConfigSource source) {
    Optional<String> raw = source.get("RCA_WEBHOOK_RATE");
    if (raw.isEmpty()) {
      return defaults();
    }
    try {
      int rate = Integer.parseInt(raw.get().strip());
      if (rate >= 1 && rate <= 100_000) {
        return of(rate);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidConfigException(List.of(
        "RCA_WEBHOOK_RATE must be a number of webhooks per second from 1 to 100000, was '" + raw.get() + "'"));
  }
}
