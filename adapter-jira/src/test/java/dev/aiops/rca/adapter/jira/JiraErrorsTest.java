package dev.aiops.rca.adapter.jira;

import static dev.aiops.rca.adapter.jira.JiraIssueTrackerContractTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.adapter.jira.JiraStub.Answer;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.http.Credentials;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.testkit.IssueTrackerContract;
import dev.aiops.rca.testkit.Samples;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of answer Jira gives, and the port exception it becomes. */
class JiraErrorsTest {

  private static final String CREATE = "/rest/api/3/issue";
  private static final String SEARCH = "/rest/api/3/search/jql";

  private final JiraStub stub = new JiraStub("OPS");
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    stub.close();
  }

  private JiraIssueTracker tracker(JiraSettings settings) {
    return new JiraIssueTracker(settings, new HttpTransport(HttpClient.newHttpClient(), waits::add));
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(400, "{\"errorMessages\":[],\"errors\":{\"customfield_10042\":\"Field 'customfield_10042' cannot"
            + " be set. It is not on the appropriate screen, or unknown.\"}}", PermanentPortException.class,
            "custom field customfield_10042 is missing or not on the issue's screens: check JIRA_OCCURRENCE_FIELD"),
        Arguments.of(400, "{\"errorMessages\":[],\"errors\":{\"priority\":\"Field 'priority' cannot be set.\"}}",
            PermanentPortException.class, "JIRA_SET_PRIORITY=false"),
        Arguments.of(400, "{\"errorMessages\":[],\"errors\":{\"issuetype\":\"Specify a valid issue type\"}}",
            PermanentPortException.class, "check JIRA_ISSUE_TYPE (Bug)"),
        Arguments.of(400, "{\"errorMessages\":[],\"errors\":{\"components\":\"Component/s is required.\"}}",
            PermanentPortException.class, "field components is required or invalid in project OPS"),
        Arguments.of(400, "{\"errorMessages\":[\"The value 'OPS' does not exist for the field 'project'.\"],"
            + "\"errors\":{}}", PermanentPortException.class, "check JIRA_PROJECT_KEY (OPS)"),
        Arguments.of(401, "", PermanentPortException.class, "check JIRA_USER_EMAIL and JIRA_API_TOKEN"),
        Arguments.of(403, "{\"errorMessages\":[\"You do not have permission to create issues in this project.\"]}",
            PermanentPortException.class, "may browse, create and edit issues in project OPS (JIRA_PROJECT_KEY)"),
        Arguments.of(404, "{\"errorMessages\":[\"No project could be found with key 'OPS'.\"],\"errors\":{}}",
            PermanentPortException.class, "check JIRA_DOMAIN and JIRA_PROJECT_KEY (OPS)"),
        Arguments.of(410, "{\"errorMessages\":[\"The requested API has been removed.\"]}",
            PermanentPortException.class, "JIRA_API_VERSION"),
        Arguments.of(302, "", PermanentPortException.class, "check JIRA_DOMAIN"),
        Arguments.of(429, "{\"errorMessages\":[\"Rate limit exceeded.\"]}", TransientPortException.class,
            "Jira throttled"),
        Arguments.of(500, "{\"errorMessages\":[\"Internal server error\"]}", TransientPortException.class,
            "HTTP 500"),
        Arguments.of(502, "<html><body>Bad Gateway</body></html>", TransientPortException.class, "Bad Gateway"),
        Arguments.of(400, "plain text, not JSON", PermanentPortException.class, "plain text, not JSON"));
  }

  @ParameterizedTest(name = "HTTP {0} -> {2}")
  @MethodSource("answers")
  void should_map_the_answer_to_a_port_exception_that_names_the_setting_when_creating_fails(
      int status, String body, Class<? extends PortException> expected, String mentioned) {
    stub.script("POST", CREATE, Answer.json(status, body), Answer.json(status, body), Answer.json(status, body));

    assertThatThrownBy(() -> tracker(settings(stub)).open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1")))
        .isInstanceOf(expected)
        .hasMessageContaining(mentioned)
        .hasMessageNotContaining("jira-secret-token");
  }

  @Test
  void should_name_the_pat_when_data_center_refuses_the_token() {
    stub.script("POST", "/rest/api/2/search", Answer.json(401, ""));
    JiraSettings dc = JiraSettings.of(stub.uri().toString(), JiraAuth.dataCenter("dc-pat-secret"), "OPS")
        .withApiVersion(2);

    assertThatThrownBy(() -> tracker(dc).findByIdempotencyKey("rca-aaaaaaaaaaaa-1"))
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("JIRA_API_TOKEN (a Data Center personal access token")
        .hasMessageNotContaining("dc-pat-secret");
  }

  @Test
  void should_wait_as_long_as_jira_asked_and_then_succeed_when_throttled() {
    stub.script("POST", SEARCH, new Answer(429, "{}", Map.of("Retry-After", "7")));

    assertThat(tracker(settings(stub)).findByIdempotencyKey("rca-aaaaaaaaaaaa-1")).isEmpty();

    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    assertThat(stub.seen("POST", SEARCH)).hasSize(2);
  }

  @Test
  void should_carry_retry_after_in_the_exception_when_every_attempt_is_throttled() {
    stub.script("POST", SEARCH, new Answer(429, "{}", Map.of("Retry-After", "12")),
        new Answer(429, "{}", Map.of("Retry-After", "12")), new Answer(429, "{}", Map.of("Retry-After", "12")));

    assertThatThrownBy(() -> tracker(settings(stub)).findByIdempotencyKey("rca-aaaaaaaaaaaa-1"))
        .isInstanceOfSatisfying(TransientPortException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(12)));
    assertThat(stub.seen("POST", SEARCH)).hasSize(3);
  }

  @Test
  void should_not_resend_a_create_when_jira_may_have_acted_on_it() {
    stub.script("POST", CREATE, Answer.json(500, "{}"));

    assertThatThrownBy(() -> tracker(settings(stub)).open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1")))
        .isInstanceOf(TransientPortException.class);
    assertThat(stub.seen("POST", CREATE)).hasSize(1);
  }

  @Test
  void should_fail_permanently_when_the_ticket_of_a_recurrence_is_gone() {
    assertThatThrownBy(() -> tracker(settings(stub)).recordRecurrence(new TicketRef("jira", "OPS-404", ""),
        new Recurrence(new IncidentId(1), RunKey.of(Source.DATABRICKS, "2"), 2, Samples.T0)))
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("Jira has no issue OPS-404");
  }

  @Test
  void should_refuse_a_login_page_answered_with_200() {
    stub.script("POST", SEARCH, new Answer(200, "<html>Log in</html>", Map.of("Content-Type", "text/html")));

    assertThatThrownBy(() -> tracker(settings(stub)).findByIdempotencyKey("rca-aaaaaaaaaaaa-1"))
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void should_refuse_plain_http_to_a_remote_host_and_mask_the_token() {
    Credentials auth = JiraAuth.cloud("bot@acme.example", "jira-secret-token");

    assertThatThrownBy(() -> JiraSettings.of("http://acme.atlassian.net", auth, "OPS"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JIRA_DOMAIN");
    assertThatThrownBy(() -> JiraSettings.of("https://acme.atlassian.net", auth, "ops key"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JIRA_PROJECT_KEY");
    assertThat(JiraSettings.of("acme.atlassian.net", auth, "OPS").toString())
        .contains("https://acme.atlassian.net").doesNotContain("jira-secret-token");
  }
}
