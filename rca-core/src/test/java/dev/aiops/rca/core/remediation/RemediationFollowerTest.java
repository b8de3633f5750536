package dev.aiops.rca.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.RemediationOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RemediationFollowerTest {

  @Test
  void should_follow_at_once_when_started_and_again_when_woken() throws Exception {
    CountDownLatch rounds = new CountDownLatch(2);
    try (RemediationFollower follower = new RemediationFollower(() -> {
      rounds.countDown();
      return List.of();
    }, Duration.ofHours(1)).start()) {
      // The first round runs at start; the hour-long poll would never bring the second in time: the wake does.
      Thread.sleep(200);
      follower.wake();

      assertThat(rounds.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void should_keep_following_when_a_round_fails() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch survived = new CountDownLatch(1);
    try (RemediationFollower follower = new RemediationFollower(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("the store is down");
      }
      survived.countDown();
      return List.<RemediationOutcome>of();
    }, Duration.ofMillis(100)).start()) {
      assertThat(survived.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(follower.round()).isEmpty();
    }
  }

  @Test
  void should_ignore_a_wake_when_not_started() {
    AtomicInteger calls = new AtomicInteger();
    RemediationFollower follower = new RemediationFollower(() -> {
      calls.incrementAndGet();
      return List.of();
    }, Duration.ofSeconds(1));

    follower.wake();
    follower.close();

    assertThat(calls).hasValue(0);
  }
}
