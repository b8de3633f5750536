package dev.aiops.rca.adapter.web.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Slack's v0 request signature: its documented example, and what is refused. */
class SlackSignatureTest {

  // The worked example of Slack's "Verifying requests from Slack" (docs.slack.dev/authentication/
  // verifying-requests-from-slack): a slash command's body, signed at 1531420618.
  private static final Secret DOC_SECRET = new Secret("8f742231b10e8888abcd99yyyzzz85a5");
  private static final String DOC_TIMESTAMP = "1531420618";
  private static final byte[] DOC_BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
      + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
      + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
      + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
      + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
      .getBytes(StandardCharsets.UTF_8);
  private static final String DOC_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  private static SlackSignature at(long epochSecond) {
    return new SlackSignature(DOC_SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  @Test
  void should_compute_the_signature_of_slacks_documented_example() {
    assertThat(SlackSignature.sign(DOC_SECRET, DOC_TIMESTAMP, DOC_BODY)).isEqualTo(DOC_SIGNATURE);
  }

  @Test
  void should_take_slacks_documented_example_when_it_arrives_within_five_minutes() {
    assertThat(at(1531420618).refusal(DOC_TIMESTAMP, DOC_SIGNATURE, DOC_BODY)).isEmpty();
    assertThat(at(1531420618 + 300).refusal(DOC_TIMESTAMP, DOC_SIGNATURE, DOC_BODY)).isEmpty();
    assertThat(at(1531420618 - 300).refusal(DOC_TIMESTAMP, DOC_SIGNATURE, DOC_BODY)).isEmpty();
  }

  @Test
  void should_refuse_a_request_when_its_timestamp_is_more_than_five_minutes_off() {
    assertThat(at(1531420618 + 301).refusal(DOC_TIMESTAMP, DOC_SIGNATURE, DOC_BODY))
        .hasValueSatisfying(reason -> assertThat(reason).contains("more than 5 minutes"));
    assertThat(at(1531420618 - 301).refusal(DOC_TIMESTAMP, DOC_SIGNATURE, DOC_BODY)).isPresent();
  }

  @Test
  void should_refuse_a_request_when_one_byte_of_its_body_changed() {
    byte[] tampered = DOC_BODY.clone();
    tampered[tampered.length - 1] = 'd';

    assertThat(at(1531420618).refusal(DOC_TIMESTAMP, DOC_SIGNATURE, tampered))
        .hasValueSatisfying(reason -> assertThat(reason).contains("does not match"));
  }

  @Test
  void should_refuse_a_request_when_it_was_signed_with_another_secret_or_another_time() {
    String other = SlackSignature.sign(new Secret("another-secret"), DOC_TIMESTAMP, DOC_BODY);
    String earlier = SlackSignature.sign(DOC_SECRET, "1531420617", DOC_BODY);

    assertThat(other).isNotEqualTo(DOC_SIGNATURE).startsWith("v0=").hasSize(67);
    assertThat(at(1531420618).refusal(DOC_TIMESTAMP, other, DOC_BODY)).isPresent();
    assertThat(at(1531420618).refusal(DOC_TIMESTAMP, earlier, DOC_BODY)).isPresent();
    assertThat(at(1531420618).refusal(DOC_TIMESTAMP, DOC_SIGNATURE.toUpperCase(), DOC_BODY)).isPresent();
  }

  @Test
  void should_refuse_a_request_when_a_header_is_missing_or_the_timestamp_is_not_a_number() {
    SlackSignature signature = at(1531420618);

    assertThat(signature.refusal(null, DOC_SIGNATURE, DOC_BODY)).hasValueSatisfying(
        reason -> assertThat(reason).contains("not signed"));
    assertThat(signature.refusal(DOC_TIMESTAMP, null, DOC_BODY)).isPresent();
    assertThat(signature.refusal("1531420618.5", DOC_SIGNATURE, DOC_BODY)).hasValueSatisfying(
        reason -> assertThat(reason).contains("unix seconds"));
    assertThat(signature.refusal("-1", DOC_SIGNATURE, DOC_BODY)).isPresent();
    assertThat(signature.refusal("99999999999999999999", DOC_SIGNATURE, DOC_BODY)).isPresent();
  }

  @Test
  void should_sign_our_own_vector_as_an_independent_hmac_does() {
    // Computed with: printf 'v0:1700000000:payload=%%7B%%7D' | openssl dgst -sha256 -hmac 'test-signing-secret'
    assertThat(SlackSignature.sign(new Secret("test-signing-secret"), "1700000000",
        "payload=%7B%7D".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("v0=47b2ba575ed2af0b2e823e34f311b8afaaa2264f26afd1c32cd91687a60e9262");
  }
}
