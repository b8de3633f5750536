package dev.aiops.rca.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class AuthAndFailuresTest {

  @Test
  void should_build_basic_and_bearer_headers() {
    assertThat(AuthHeaders.basic("bot@acme.example", "s3cret")).isEqualTo("Basic Ym90QGFjbWUuZXhhbXBsZTpzM2NyZXQ=");
    assertThat(AuthHeaders.bearer("t0k")).isEqualTo("Bearer t0k");
  }

  @Test
  void should_refuse_missing_or_blank_parts_without_showing_them() {
    assertThatThrownBy(() -> AuthHeaders.requireNotBlank("user and password must not be blank", "u", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user and password must not be blank");
    assertThatThrownBy(() -> AuthHeaders.requireNotBlank("token must not be blank", (String) null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void should_classify_statuses() {
    assertThat(HttpFailures.isThrottled(429)).isTrue();
    assertThat(HttpFailures.isServerFailure(503)).isTrue();
    assertThat(HttpFailures.isServerFailure(501)).isFalse();
    assertThat(HttpFailures.isRedirect(302)).isTrue();
    assertThat(HttpFailures.isRedirect(400)).isFalse();
    assertThat(HttpFailures.transportWording(new HttpTimeoutException("t"))).isEqualTo("timed out");
    assertThat(HttpFailures.transportWording(new IOException("reset"))).isEqualTo("could not be reached");
  }

  @Test
  void should_excerpt_bodies_without_markup_and_within_bounds() {
    assertThat(HttpFailures.excerpt(null)).isEmpty();
    assertThat(HttpFailures.excerpt("<html><body>\n <h1>Sign in</h1>\n</body></html>")).isEqualTo("Sign in");
    assertThat(HttpFailures.excerpt("x".repeat(500))).hasSize(200).endsWith("…");
  }
}
