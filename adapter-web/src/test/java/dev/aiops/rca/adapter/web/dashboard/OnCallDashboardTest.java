package dev.aiops.rca.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.IncidentDetails;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard as an on-call screen, over HTTP: search, range, order and page links on the list, run page and
 * ticket links, the incident page's order and facts, and the confirmation that comes before a remediation runs.
 */
class OnCallDashboardTest {

  static final String ADF_PAGE = "https://adf.azure.com/en/monitoring/pipelineruns/run-adf-1?factory="
      + "%2Fsubscriptions%2F0000%2FresourceGroups%2Frg-data%2Fproviders%2FMicrosoft.DataFactory%2Ffactories%2Fadf-prod";
  static final String DATABRICKS_PAGE = "https://adb-123.azuredatabricks.net/jobs/7/runs/901?o=123";

  @TempDir
  Path dataDir;

  private DashboardFixture fixture;
  private Browserless browser;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    fixture = new DashboardFixture(dataDir);
    browser = new Browserless(fixture);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private Incident adf(Instant at) {
    return fixture.failLinked(RunKey.of(Source.ADF, "run-adf-1"), "pl_copy_sales", 'a', Category.NETWORK,
        "Copy failed: SFTP host refused the connection", at, ADF_PAGE);
  }

  private Incident databricks(Instant at) {
    return fixture.failLinked(RunKey.of(Source.DATABRICKS, "901"), "nightly_orders", 'b', Category.TIMEOUT,
        "Read timed out after 600 s", at, DATABRICKS_PAGE);
  }

  @Test
  void should_find_incidents_by_text_and_category_when_the_list_is_filtered() {
    Instant now = fixture.clock.instant();
    Incident copy = adf(now);
    Incident orders = databricks(now);
    fixture.fail("r-3", 'c', Category.NETWORK, "Connection reset by peer");
    browser.login("victor", DashboardFixture.VIEWER_PASSWORD);

    String sftp = browser.get("/incidents?q=sftp+HOST").body();
    String network = browser.get("/incidents?q=etl_&category=NETWORK").body();

    assertThat(sftp).contains("id=\"incident-" + copy.id() + "\"").doesNotContain("id=\"incident-" + orders.id() + "\"")
        .contains("value=\"sftp HOST\"", "Showing 1&ndash;1 of 1");
    assertThat(network).contains("id=\"incident-3\"").doesNotContain("id=\"incident-" + copy.id() + "\"");
  }

  @Test
  void should_keep_only_incidents_last_seen_in_the_range_when_from_and_to_are_given() {
    Instant now = fixture.clock.instant();
    adf(now.minus(Duration.ofDays(2)));
    Incident recent = databricks(now.minus(Duration.ofHours(1)));
    browser.login("victor", DashboardFixture.VIEWER_PASSWORD);
    String from = ListTimes.field(now.minus(Duration.ofDays(1)));

    String page = browser.get("/incidents?from=" + from + "&to=" + now).body();

    assertThat(page).contains("id=\"incident-" + recent.id() + "\"", "Showing 1&ndash;1 of 1",
        "name=\"from\" id=\"filter-from\" value=\"" + from + "\"").doesNotContain("id=\"incident-1\"");
  }

  @Test
  void should_answer_400_with_the_reason_escaped_when_a_list_parameter_is_bad() {
    browser.login("victor", DashboardFixture.VIEWER_PASSWORD);

    HttpResponse<String> badTime = browser.get("/incidents?from=%3Cscript%3E");
    HttpResponse<String> badSort = browser.get("/incidents?sort=cost");
    HttpResponse<String> badRange = browser.get("/incidents?from=2026-12-05&to=2026-12-01");
    HttpResponse<String> badPage = browser.get("/incidents?page=0");

    assertThat(badTime.statusCode()).isEqualTo(400);
    assertThat(badTime.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("html"));
    assertThat(badTime.body()).contains("from must be a time", "&lt;script&gt;").doesNotContain("<script>");
    assertThat(badSort.body()).contains("sort must be one of [LAST_SEEN, FIRST_SEEN, OCCURRENCES]");
    assertThat(badRange.body()).contains("from must be before to");
    assertThat(List.of(badSort, badRange, badPage)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
  }

  @Test
  void should_keep_markup_in_the_search_as_text_in_the_form_and_the_links_when_it_is_searched() {
    adf(fixture.clock.instant());
    browser.login("victor", DashboardFixture.VIEWER_PASSWORD);

    String page = browser.get("/incidents?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&sort=occurrences").body();

    assertThat(page).contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
        .contains("href=\"/incidents?q=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&amp;sort=first_seen&amp;dir=desc\"")
        .doesNotContain("<script>alert(1)");
  }

  @Test
  void should_order_by_the_clicked_column_and_flip_it_when_clicked_again() {
    Instant now = fixture.clock.instant();
    Incident old = adf(now.minus(Duration.ofHours(2)));
    Incident young = databricks(now.minus(Duration.ofHours(1)));
    fixture.fail("r-9", 'a', Category.NETWORK, "again", now); // the old one recurs: last seen now, 2 runs
    browser.login("victor", DashboardFixture.VIEWER_PASSWORD);

    String firstSeen = browser.get("/incidents?sort=first_seen&dir=asc").body();
    String runs = browser.get("/incidents?sort=occurrences").body();

    assertThat(firstSeen.indexOf("id=\"incident-" + old.id() + "\""))
        .isLessThan(firstSeen.indexOf("id=\"incident-" + young.id() + "\""));
    assertThat(firstSeen).contains("aria-sort=\"ascending\"><a class=\"sort\" id=\"sort-first-seen\" "
        + "href=\"/incidents?sort=first_seen&amp;dir=desc\">First seen &uarr;</a>");
    assertThat(runs.indexOf("id=\"incident-" + old.id() + "\"")).isLessThan(runs.indexOf("id=\"incident-"
        + young.id() + "\""));
  }

  @Test
  void should_link_the_run_page_and_the_ticket_of_each_row_when_the_list_is_shown() {
    Incident copy = adf(fixture.clock.instant());
    browser.login("victor", DashboardFixture.VIEWER_PASSWORD);

    String page = browser.get("/incidents").body();

    String row = page.substring(page.indexOf("id=\"incident-" + copy.id() + "\""));
    assertThat(row.substring(0, row.indexOf("</tr>")))
        .contains("<a class=\"run-page\" href=\"" + ADF_PAGE.replace("&", "&amp;") + "\"", ">Data Factory run</a>")
        .contains("<a class=\"ticket\" href=\"https://tickets.example/RCA-" + copy.id() + "\"");
  }

  @Test
  void should_show_the_root_cause_and_evidence_before_the_actions_and_the_resolve_form_after_them() {
    Incident orders = databricks(fixture.clock.instant());
    browser.login("olga", DashboardFixture.OPERATOR_PASSWORD);

    String page = browser.get("/incidents/" + orders.id()).body();

    assertThat(page).containsSubsequence("id=\"on-call\"", "id=\"root-cause\"", "id=\"evidence\"",
        "id=\"actions\"", "id=\"remediation\"", "id=\"impact\"", "id=\"cost-tags\"", "id=\"details\"",
        "id=\"resolve-form\"", "id=\"audit\"");
    assertThat(page).contains("<a id=\"run-page-link\" href=\"" + DATABRICKS_PAGE + "\"",
        "<a id=\"ticket-link\" href=\"https://tickets.example/RCA-" + orders.id() + "\"",
        "<dd id=\"priority\" class=\"priority-p3\">P3</dd>", "<dd id=\"owner\">none</dd>",
        "<dd id=\"runbook\">none</dd>");
  }

  @Test
  void should_show_owner_priority_and_runbook_when_the_incident_was_routed() {
    Incident routed = databricks(fixture.clock.instant()).withAssignment(new Assignment("payments",
        Optional.of("team-payments"), Priority.P1, Optional.of("https://wiki.example/runbooks/timeout")));
    Session session = new Session("s", "olga", Role.OPERATOR, "token", fixture.clock.instant());

    String page = new IncidentPage(Optional.empty()).render(session,
        new IncidentDetails(routed, List.of(), List.of()), "");

    assertThat(page).contains("<dd id=\"priority\" class=\"priority-p1\">P1</dd>",
        "<dd id=\"owner\">team-payments</dd>", "<dd id=\"route\">payments</dd>",
        "<a id=\"runbook-link\" href=\"https://wiki.example/runbooks/timeout\"");
  }

  @Test
  void should_show_exactly_what_will_run_and_run_nothing_until_confirmed_when_approve_is_chosen() {
    Incident orders = databricks(fixture.clock.instant());
    browser.login("olga", DashboardFixture.OPERATOR_PASSWORD);
    String page = browser.get("/incidents/" + orders.id()).body();
    String csrf = Browserless.csrfOf(page).orElseThrow();
    String confirmPath = "/incidents/" + orders.id() + "/remediations/REPAIR_FAILED_TASKS/confirm";
    assertThat(page).contains("id=\"approve-REPAIR_FAILED_TASKS\" href=\"" + confirmPath + "\"");

    String confirm = browser.get(confirmPath).body();
    HttpResponse<String> unconfirmed = browser.postForm(
        "/incidents/" + orders.id() + "/remediations/REPAIR_FAILED_TASKS/approve", Map.of("csrf", csrf));

    assertThat(confirm).contains("<dd id=\"confirm-action\">REPAIR_FAILED_TASKS</dd>",
        "<dd id=\"confirm-target\">DATABRICKS:901</dd>", "<dd id=\"confirm-job\">nightly_orders</dd>",
        "<dd id=\"confirm-tasks\">every failed task</dd>",
        "<dd id=\"confirm-where\">Databricks workspace adb-123.azuredatabricks.net</dd>",
        "<pre class=\"api-call\" id=\"confirm-call\">POST fake://repair_failed_tasks/901</pre>",
        "id=\"confirm-cancel\"", "name=\"confirmed\" value=\"yes\"");
    assertThat(unconfirmed.statusCode()).isEqualTo(303);
    assertThat(unconfirmed.headers().firstValue("Location")).contains(confirmPath);
    assertThat(fixture.executor.executed()).isEmpty();

    HttpResponse<String> confirmed = browser.postForm(
        "/incidents/" + orders.id() + "/remediations/REPAIR_FAILED_TASKS/approve",
        Map.of("csrf", csrf, "confirmed", "yes"));

    assertThat(confirmed.statusCode()).isEqualTo(303);
    assertThat(fixture.executor.executed()).singleElement()
        .satisfies(plan -> assertThat(plan.target()).isEqualTo(orders.firstRun()));
    assertThat(browser.get(confirmPath).statusCode()).isEqualTo(409);
  }

  @Test
  void should_name_the_factory_and_the_rerun_from_failure_when_a_data_factory_remediation_is_confirmed() {
    Incident copy = adf(fixture.clock.instant());
    browser.login("olga", DashboardFixture.OPERATOR_PASSWORD);

    String confirm = browser.get("/incidents/" + copy.id() + "/remediations/RERUN_FROM_FAILURE/confirm").body();

    assertThat(confirm).contains("<dd id=\"confirm-action\">RERUN_FROM_FAILURE</dd>",
        "<dd id=\"confirm-target\">ADF:run-adf-1</dd>", "every failed activity",
        "<dd id=\"confirm-where\">Data Factory /subscriptions/0000/resourceGroups/rg-data/providers/"
            + "Microsoft.DataFactory/factories/adf-prod</dd>", "from its failed activities");
  }

  @Test
  void should_forbid_the_confirmation_page_when_the_user_is_a_viewer() {
    Incident orders = databricks(fixture.clock.instant());
    browser.login("victor", DashboardFixture.VIEWER_PASSWORD);

    HttpResponse<String> confirm = browser.get("/incidents/" + orders.id()
        + "/remediations/REPAIR_FAILED_TASKS/confirm");

    assertThat(confirm.statusCode()).isEqualTo(403);
    assertThat(fixture.repository.remediations(orders.id())).extracting(o -> o.status())
        .containsExactly(RemediationStatus.SUGGESTED);
  }

  @Test
  void should_search_sort_and_page_with_the_total_and_links_when_the_api_lists_incidents() throws Exception {
    Instant now = fixture.clock.instant();
    Incident copy = adf(now.minus(Duration.ofHours(2)));
    Incident orders = databricks(now.minus(Duration.ofHours(1)));

    JsonNode found = json.readTree(browser.get("/api/incidents?q=SFTP&limit=10",
        "X-API-Key", DashboardFixture.API_KEY).body());
    JsonNode oldest = json.readTree(browser.get("/api/incidents?sort=first_seen&dir=asc&limit=1&offset=1",
        "X-API-Key", DashboardFixture.API_KEY).body());
    JsonNode ranged = json.readTree(browser.get("/api/incidents?from=" + now.minus(Duration.ofMinutes(90)),
        "X-API-Key", DashboardFixture.API_KEY).body());
    JsonNode one = json.readTree(browser.get("/api/incidents/" + orders.id(),
        "X-API-Key", DashboardFixture.API_KEY).body());

    assertThat(found.get("total").asLong()).isEqualTo(1);
    assertThat(found.get("items").get(0).get("runPageUrl").asText()).isEqualTo(ADF_PAGE);
    assertThat(found.get("items").get(0).get("ticketUrl").asText()).isEqualTo("https://tickets.example/RCA-"
        + copy.id());
    assertThat(found.get("items").get(0).get("priority").asText()).isEqualTo("P3");
    assertThat(oldest.get("items").get(0).get("id").asLong()).isEqualTo(orders.id().value());
    assertThat(oldest.get("total").asLong()).isEqualTo(2);
    assertThat(ranged.get("total").asLong()).isEqualTo(1);
    assertThat(one.get("runPageUrl").asText()).isEqualTo(DATABRICKS_PAGE);
    assertThat(one.get("assignment").get("priority").asText()).isEqualTo("P3");
  }
}
