package dev.aiops.rca.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
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

  @Test
  void should_word_throttling_and_server_failures_as_transient_with_the_wait_and_leave_the_rest() {
    Optional<PortException> throttled =
        HttpFailures.retryable("Acme", "get the run", 429, " (HTTP 429)", Optional.of(Duration.ofSeconds(7)));
    Optional<PortException> failed = HttpFailures.retryable("Acme", "get the run", 503, " (HTTP 503)", Optional.empty());

    assertThat(throttled).get().isInstanceOf(TransientPortException.class)
        .hasFieldOrPropertyWithValue("message", "Acme throttled get the run (HTTP 429)");
    assertThat(((TransientPortException) throttled.orElseThrow()).retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(failed).get().isInstanceOf(TransientPortException.class)
        .hasFieldOrPropertyWithValue("message", "Acme failed get the run (HTTP 503)");
    assertThat(HttpFailures.retryable("Acme", "get the run", 501, " (HTTP 501)", Optional.empty())).isEmpty();
    assertThat(HttpFailures.retryable("Acme", "get the run", 401, " (HTTP 401)", Optional.empty())).isEmpty();
  }

  @Test
  void should_word_transport_failures_as_transient_with_an_optional_check() {
    IOException refused = new ConnectException("refused");

    assertThat(HttpFailures.unreachable("Acme", "get the run", new HttpTimeoutException("t")))
        .isInstanceOf(TransientPortException.class)
        .hasMessage("Acme timed out for get the run: HttpTimeoutException");
    assertThat(HttpFailures.unreachable("Acme", "get the run", refused, "check ACME_URL"))
        .hasMessage("Acme could not be reached for get the run: ConnectException (check ACME_URL)")
        .hasCause(refused);
  }

  @Test
  void should_word_an_answer_that_is_not_json_as_permanent_with_an_excerpt() {
    assertThat(HttpFailures.notJson("Acme", "get the run", "<html><h1>Log in</h1></html>", "check ACME_URL"))
        .isInstanceOf(PermanentPortException.class)
        .hasMessage("Acme answered get the run with something that is not JSON: Log in (check ACME_URL)");
  }
}
