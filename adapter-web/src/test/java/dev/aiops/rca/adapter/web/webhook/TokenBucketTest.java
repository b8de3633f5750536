package dev.aiops.rca.adapter.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final AtomicLong nanos = new AtomicLong();
  private final TokenBucket bucket = new TokenBucket(10, 2, nanos::get);

  @Test
  void should_let_a_burst_through_then_say_how_long_to_wait_when_the_bucket_is_empty() {
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isZero();

    assertThat(bucket.take()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void should_make_later_requests_wait_for_the_debt_when_a_charge_takes_more_tokens_than_are_left() {
    assertThat(bucket.take()).isZero();
    bucket.charge(9);

    // 1 token left after the take, 9 charged: 8 in debt, so the next token is 0.9 s away at 10 a second.
    assertThat(bucket.take()).isEqualTo(Duration.ofMillis(900));
    nanos.addAndGet(Duration.ofMillis(900).toNanos());
    assertThat(bucket.take()).isZero();
  }

  @Test
  void should_refill_at_the_rate_but_never_above_the_burst_when_time_passes() {
    bucket.take();
    bucket.take();
    nanos.addAndGet(Duration.ofMillis(100).toNanos());
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isPositive();

    nanos.addAndGet(Duration.ofHours(1).toNanos());
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isPositive();
  }
}
