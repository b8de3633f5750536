package dev.aiops.rca.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The key rules every configuration path shares, in the service's words. */
class ApiKeysTest {

  private static final String KEY = "0123456789abcdef01234567";

  @Test
  void should_refuse_a_key_shorter_than_24_characters_naming_the_setting() {
    assertThat(ApiKeys.apiKeyProblem("RCA_API_KEY", "short")).contains("RCA_API_KEY must be at least 24 characters"
        + " long, was 5: make one with openssl rand -hex 24, or unset it to have one generated");
    assertThat(ApiKeys.apiKeyProblem("rca.api-key", KEY)).isEmpty();
  }

  @Test
  void should_refuse_an_operator_key_that_is_short_or_the_webhook_key() {
    assertThat(ApiKeys.operatorKeyProblem("rca.operator-key", "x", "rca.api-key", Optional.empty()))
        .hasValueSatisfying(problem -> assertThat(problem).startsWith("rca.operator-key must be at least 24"));
    assertThat(ApiKeys.operatorKeyProblem("rca.operator-key", KEY, "rca.api-key", Optional.of(KEY)))
        .contains("rca.operator-key must differ from rca.api-key");
    assertThat(ApiKeys.operatorKeyProblem("rca.operator-key", KEY, "rca.api-key", Optional.of(KEY + "x")))
        .isEmpty();
  }

  @Test
  void should_match_only_the_same_key() {
    assertThat(ApiKeys.matches(KEY, KEY)).isTrue();
    assertThat(ApiKeys.matches(KEY, KEY.substring(1))).isFalse();
    assertThat(ApiKeys.matches(KEY, null)).isFalse();
  }
}
