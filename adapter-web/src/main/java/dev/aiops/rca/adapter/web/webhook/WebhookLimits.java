package dev.aiops.rca.adapter.web.webhook;

/**
 * How much the webhook paths take: bodies up to {@code maxBodyBytes}, and per source (Databricks, ADF) a token
 * bucket refilled at {@code ratePerSecond} that holds up to {@code burst} runs: a body naming N runs takes N tokens,
 * since each run is a delivery, an incident and a message.
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
}
