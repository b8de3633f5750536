package dev.aiops.rca.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void should_read_delay_seconds() {
    assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void should_never_wait_a_negative_time() {
    assertThat(RetryAfter.parse("-5", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Wed, 04 Mar 2026 09:59:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void should_read_an_http_date_as_the_time_until_it() {
    assertThat(RetryAfter.parse("Wed, 04 Mar 2026 10:00:42 GMT", NOW)).contains(Duration.ofSeconds(42));
  }

  @Test
  void should_ignore_blank_and_garbage_values() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("  ", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("2026-03-04T10:00:42Z", NOW)).isEmpty();
  }

  @Test
  void should_read_the_header_when_there_is_one() {
    assertThat(RetryAfter.from(headers(Map.of("Retry-After", List.of("3"))))).contains(Duration.ofSeconds(3));
    assertThat(RetryAfter.from(headers(Map.of()))).isEmpty();
  }

  private static HttpHeaders headers(Map<String, List<String>> values) {
    return HttpHeaders.of(values, (name, value) -> true);
  }
}
