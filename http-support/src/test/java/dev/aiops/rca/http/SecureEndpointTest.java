package dev.aiops.rca.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SecureEndpointTest {

  @Test
  void should_take_https_anywhere() {
    URI url = URI.create("https://acme.example.com:8443/x");

    assertThat(SecureEndpoint.require(url, "SITE", "https://host")).isSameAs(url);
  }

  @Test
  void should_take_plain_http_on_loopback_only() {
    assertThat(SecureEndpoint.require(URI.create("http://127.0.0.1:9/"), "SITE", "https://host")).isNotNull();
    assertThat(SecureEndpoint.require(URI.create("http://localhost:9/"), "SITE", "https://host")).isNotNull();
    assertThat(SecureEndpoint.require(URI.create("http://[::1]:9/"), "SITE", "https://host")).isNotNull();
    assertThatThrownBy(() -> SecureEndpoint.require(URI.create("http://acme.example.com"), "SITE", "https://host"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SITE must use https:// (http:// only on loopback): http://acme.example.com");
  }

  @Test
  void should_not_resolve_names_to_decide_on_loopback() {
    assertThat(SecureEndpoint.isLoopback("127.0.0.2")).isTrue();
    assertThat(SecureEndpoint.isLoopback("localhost.attacker.example")).isFalse();
    assertThat(SecureEndpoint.isLoopback("10.0.0.1")).isFalse();
  }

  @Test
  void should_take_plain_http_on_hosts_the_caller_allows() {
    URI metadata = URI.create("http://169.254.169.254/metadata");

    assertThat(SecureEndpoint.require(metadata, "ENDPOINT", "https://host", "169.254.169.254"::equals))
        .isSameAs(metadata);
    assertThatThrownBy(() -> SecureEndpoint.require(metadata, "ENDPOINT", "https://host"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_refuse_what_is_not_a_url_with_a_host() {
    assertThatThrownBy(() -> SecureEndpoint.require(URI.create("acme"), "SITE", "https://acme.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SITE must be a URL such as https://acme.example.com: acme");
    assertThatThrownBy(() -> SecureEndpoint.require(URI.create("ftp://acme.example.com"), "SITE", "https://host"))
        .hasMessageContaining("must use https://");
  }

  @Test
  void should_keep_only_the_origin_with_a_lower_case_scheme() {
    assertThat(SecureEndpoint.origin(URI.create("HTTPS://Acme.example.com:8443/path?q=1")))
        .isEqualTo(URI.create("https://Acme.example.com:8443"));
  }
}
