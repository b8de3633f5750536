package dev.aiops.rca.adapter.web.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a reply to a press may be posted: Slack's hooks host, or a loopback stub, nowhere else. */
class SlackRepliesTest {

  @Test
  void should_allow_slacks_hooks_host_over_tls_when_a_press_names_it() {
    assertThat(SlackReplies.allowed("https://hooks.slack.com/actions/T0/1/abc")).isTrue();
    assertThat(SlackReplies.allowed("http://127.0.0.1:4000/actions/T0/1/abc")).isTrue();
  }

  @Test
  void should_refuse_any_other_address_when_a_press_names_it() {
    assertThat(SlackReplies.allowed("http://hooks.slack.com/actions/T0/1/abc")).isFalse();
    assertThat(SlackReplies.allowed("https://hooks.slack.com.evil.example/actions")).isFalse();
    assertThat(SlackReplies.allowed("https://hooks.slack.com@evil.example/actions")).isFalse();
    assertThat(SlackReplies.allowed("https://169.254.169.254/latest/meta-data")).isFalse();
    assertThat(SlackReplies.allowed("file:///etc/passwd")).isFalse();
    assertThat(SlackReplies.allowed("not a url")).isFalse();
  }
}
