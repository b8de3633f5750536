package dev.aiops.rca.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.NotificationRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DashboardSafetyTest {

  @Test
  void should_escape_markup_and_quotes_when_text_is_put_into_html() {
    assertThat(Html.esc("<img src=x onerror=alert(1)><script>alert('1')</script> & \"q\""))
        .isEqualTo("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt; &amp; "
            + "&quot;q&quot;");
    assertThat(Html.esc(null)).isEmpty();
  }

  @Test
  void should_refuse_the_link_when_its_scheme_is_not_http() {
    assertThat(Html.safeHref("javascript:alert(1)")).isEmpty();
    assertThat(Html.safeHref(" JaVaScRiPt:alert(1)")).isEmpty();
    assertThat(Html.safeHref("data:text/html,<script>")).isEmpty();
    assertThat(Html.safeHref("//evil.example/x")).isEmpty();
    assertThat(Html.safeHref("")).isEmpty();
    assertThat(Html.safeHref("https://jira.example/browse/OPS-1")).hasValue("https://jira.example/browse/OPS-1");
  }

  @Test
  void should_stay_on_this_site_when_the_login_names_where_to_go_next() {
    assertThat(Dashboard.localPath("/incidents/4?x=1")).isEqualTo("/incidents/4?x=1");
    assertThat(Dashboard.localPath("//evil.example")).isEqualTo("/incidents");
    assertThat(Dashboard.localPath("https://evil.example")).isEqualTo("/incidents");
    assertThat(Dashboard.localPath("/\\evil.example")).isEqualTo("/incidents");
    assertThat(Dashboard.localPath(null)).isEqualTo("/incidents");
  }

  @Test
  void should_mask_credentials_when_evidence_quotes_them() {
    assertThat(Redaction.apply("jdbc failed: password=hunter2; user=etl")).isEqualTo(
        "jdbc failed: password=****; user=etl");
    assertThat(Redaction.apply("Authorization: Bearer eyJhbGciOi.abc")).isEqualTo("Authorization: Bearer ****");
    assertThat(Redaction.apply("token dapi0123456789abcdef0123456789abcdef used")).isEqualTo("token dapi**** used");
    assertThat(Redaction.apply("https://etl:s3cret@db.example/x")).isEqualTo("https://****@db.example/x");
    assertThat(Redaction.apply("Table prod.users not found")).isEqualTo("Table prod.users not found");
  }

  @Test
  void should_link_the_slack_message_when_the_workspace_is_known() {
    NotificationRef ref = new NotificationRef("C0123", "1700000000.000100");

    assertThat(SlackLinks.messageUrl(Optional.of("https://acme.slack.com"), ref))
        .hasValue("https://acme.slack.com/archives/C0123/p1700000000000100");
    assertThat(SlackLinks.messageUrl(Optional.empty(), ref)).isEmpty();
  }
}
