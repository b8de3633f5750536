package dev.aiops.rca.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListenAddressTest {

  @Test
  void should_listen_where_rca_bind_says_unless_host_or_the_demo_says_otherwise() {
    assertThat(ListenAddress.choose(null, false, false, "0.0.0.0").address()).isEqualTo("0.0.0.0");
    assertThat(ListenAddress.choose(null, false, false, "10.1.2.3").address()).isEqualTo("10.1.2.3");
    assertThat(ListenAddress.choose("10.9.9.9", false, false, "10.1.2.3").address()).isEqualTo("10.9.9.9");
    assertThat(ListenAddress.choose(null, true, false, "0.0.0.0").address()).isEqualTo("127.0.0.1");
    assertThat(ListenAddress.choose(null, false, false, "0.0.0.0").note()).isEmpty();
  }

  @Test
  void should_listen_on_loopback_only_and_say_so_when_webhooks_need_no_key() {
    ListenAddress everywhere = ListenAddress.choose(null, false, true, "0.0.0.0");
    ListenAddress host = ListenAddress.choose("192.168.1.5", false, true, "0.0.0.0");
    ListenAddress loopback = ListenAddress.choose(null, false, true, "127.0.0.1");

    assertThat(everywhere.address()).isEqualTo("127.0.0.1");
    assertThat(everywhere.note()).hasValueSatisfying(note -> assertThat(note)
        .contains("--insecure-no-auth", "listening on 127.0.0.1", "not on 0.0.0.0", "RCA_BIND=0.0.0.0"));
    assertThat(host.address()).isEqualTo("127.0.0.1");
    assertThat(host.note()).hasValueSatisfying(note -> assertThat(note).contains("--host 192.168.1.5"));
    assertThat(loopback.address()).isEqualTo("127.0.0.1");
    assertThat(loopback.note()).isEmpty();
  }
}
