package dev.aiops.rca.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DashboardSessionsTest {

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final User olga = new User("olga", Role.OPERATOR, "$2y$04$x");

  @Test
  void should_give_random_256_bit_ids_and_tokens_when_sessions_are_created() {
    Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);

    Session a = sessions.create(olga);
    Session b = sessions.create(olga);

    assertThat(a.id()).hasSize(43).isNotEqualTo(b.id()).isNotEqualTo(a.csrfToken());
    assertThat(a.toString()).doesNotContain(a.id(), a.csrfToken());
  }

  @Test
  void should_expire_the_session_when_it_is_idle_too_long() {
    Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
    Session session = sessions.create(olga);

    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(session.id())).isPresent();
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(session.id())).isPresent();
    clock.advance(Duration.ofMinutes(30));
    assertThat(sessions.find(session.id())).isEmpty();
  }

  @Test
  void should_expire_the_session_when_it_is_older_than_the_maximum_age_however_busy() {
    Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
    Session session = sessions.create(olga);

    for (int i = 0; i < Sessions.MAX_AGE.toMinutes() / 20; i++) {
      clock.advance(Duration.ofMinutes(20));
      sessions.find(session.id());
    }

    assertThat(sessions.find(session.id())).isEmpty();
  }

  @Test
  void should_refuse_the_id_when_the_session_was_invalidated() {
    Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
    Session session = sessions.create(olga);

    sessions.invalidate(session.id());

    assertThat(sessions.find(session.id())).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }

  @Test
  void should_refuse_the_user_from_that_address_only_and_for_growing_delays_after_five_failures() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 4; i++) {
      throttle.failed("10.0.0.1", "admin");
    }
    assertThat(throttle.retryAfter("10.0.0.1", "admin")).isZero();

    throttle.failed("10.0.0.1", "admin");

    assertThat(throttle.retryAfter("10.0.0.1", "ADMIN")).isEqualTo(Duration.ofSeconds(1));
    // The admin at another address, and another user at this one, are not held back.
    assertThat(throttle.retryAfter("10.0.0.2", "admin")).isZero();
    assertThat(throttle.retryAfter("10.0.0.1", "olga")).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.retryAfter("10.0.0.1", "admin")).isZero();
    throttle.failed("10.0.0.1", "admin");
    assertThat(throttle.retryAfter("10.0.0.1", "admin")).isEqualTo(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    throttle.failed("10.0.0.1", "admin");
    assertThat(throttle.retryAfter("10.0.0.1", "admin")).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void should_cap_the_delay_however_often_the_pair_fails() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 40; i++) {
      clock.advance(throttle.retryAfter("10.0.0.1", "admin"));
      throttle.failed("10.0.0.1", "admin");
    }

    assertThat(throttle.retryAfter("10.0.0.1", "admin")).isEqualTo(Duration.ofMinutes(5));
    assertThat(throttle.retryAfter("10.0.0.2", "admin")).isZero();
  }

  @Test
  void should_block_the_address_when_it_failed_too_often_for_any_user() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 20; i++) {
      throttle.failed("10.0.0.1", "user" + i);
    }

    assertThat(throttle.retryAfter("10.0.0.1", "olga")).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.retryAfter("10.0.0.2", "olga")).isZero();
  }

  @Test
  void should_forget_the_failures_when_the_login_succeeds_or_they_are_old() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 4; i++) {
      throttle.failed("10.0.0.1", "admin");
      throttle.failed("10.0.0.2", "admin");
    }

    throttle.succeeded("10.0.0.1", "admin");
    throttle.failed("10.0.0.1", "admin");
    clock.advance(LoginThrottle.FORGET_AFTER);
    throttle.failed("10.0.0.2", "admin");

    assertThat(throttle.retryAfter("10.0.0.1", "admin")).isZero();
    assertThat(throttle.retryAfter("10.0.0.2", "admin")).isZero();
  }

  private LoginThrottle throttle() {
    return new LoginThrottle(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(5), clock);
  }
}
