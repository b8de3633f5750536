package dev.aiops.rca.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as an on-call screen in headless Chromium: search and filters, the time range, sorting, the page
 * beyond the first hundred, run page and ticket links, the confirmation before Approve, and the incident page's
 * order and facts. Each test works on incidents of its own (its own job names), since they share one store.
 */
class OnCallBrowserIT {

  private static final Duration WAIT = HeadlessChromium.WAIT;

  @TempDir
  static Path temp;

  private static DashboardFixture fixture;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws IOException {
    driver = HeadlessChromium.start(temp);
    fixture = new DashboardFixture(Files.createDirectories(temp.resolve("data")));
    HeadlessChromium.logIn(driver, fixture, "olga", DashboardFixture.OPERATOR_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void should_show_only_the_matching_incidents_when_searching_text_within_a_category() {
    Instant now = fixture.clock.instant();
    Incident sftp = file("search", "pl_search_copy", Category.NETWORK, "SFTP host refused the connection", now);
    Incident other = file("search", "pl_search_load", Category.TIMEOUT, "SFTP host timed out", now);
    file("search", "pl_search_copy2", Category.NETWORK, "Connection reset", now);
    driver.get(fixture.url("/incidents"));

    driver.findElement(By.id("filter-q")).sendKeys("sftp HOST");
    new Select(driver.findElement(By.name("category"))).selectByVisibleText("NETWORK");
    clickToList(By.id("filter-submit"));

    assertThat(driver.getCurrentUrl()).contains("q=sftp+HOST", "category=NETWORK");
    assertThat(rowIds()).containsExactly(sftp.id().value());
    assertThat(driver.findElement(By.id("shown")).getText()).isEqualTo("Showing 1\u20131 of 1");
    assertThat(rowIds()).doesNotContain(other.id().value());
  }

  @Test
  void should_show_only_incidents_last_seen_within_the_range_when_from_and_to_are_set() {
    Instant now = fixture.clock.instant();
    Incident old = file("range", "range_old", Category.NETWORK, "range failure", now.minus(Duration.ofDays(3)));
    Incident recent = file("range", "range_recent", Category.NETWORK, "range failure", now.minus(Duration.ofHours(2)));
    driver.get(fixture.url("/incidents?q=range_"));
    waitForRefresh();
    assertThat(rowIds()).contains(old.id().value(), recent.id().value());

    setValue("filter-from", ListTimes.field(now.minus(Duration.ofDays(1))));
    setValue("filter-to", ListTimes.field(now));
    clickToList(By.id("filter-submit"));

    assertThat(driver.getCurrentUrl()).contains("from=", "to=");
    assertThat(rowIds()).containsExactly(recent.id().value());
  }

  @Test
  void should_order_the_rows_by_the_clicked_header_and_reverse_them_when_clicked_again() {
    Instant now = fixture.clock.instant();
    Incident first = file("sort", "sortjob_a", Category.NETWORK, "sort failure a", now.minus(Duration.ofHours(3)));
    Incident second = file("sort", "sortjob_b", Category.NETWORK, "sort failure b", now.minus(Duration.ofHours(2)));
    Incident third = file("sort", "sortjob_c", Category.NETWORK, "sort failure c", now.minus(Duration.ofHours(1)));
    driver.get(fixture.url("/incidents?q=sortjob_"));
    waitForRefresh();
    assertThat(rowIds()).containsExactly(third.id().value(), second.id().value(), first.id().value());

    clickToList(By.id("sort-first-seen"));
    assertThat(rowIds()).containsExactly(third.id().value(), second.id().value(), first.id().value());
    clickToList(By.id("sort-first-seen"));

    assertThat(driver.getCurrentUrl()).contains("sort=first_seen", "dir=asc", "q=sortjob_");
    assertThat(rowIds()).containsExactly(first.id().value(), second.id().value(), third.id().value());
    assertThat(driver.findElement(By.id("sort-first-seen")).getText()).contains("\u2191");
  }

  @Test
  void should_show_the_rows_after_the_first_hundred_when_the_next_page_is_opened() {
    Instant at = fixture.clock.instant().minus(Duration.ofDays(1));
    for (int i = 0; i < 130; i++) {
      fixture.repository.file(new IncidentDraft(RunKey.of(Source.DATABRICKS, "bulk-" + i),
          new ErrorSignature(String.format("b%063x", i)), "bulkjob_" + i, at.plusSeconds(i),
          Samples.analysis(Category.TIMEOUT, "bulk failure " + i)));
    }
    driver.get(fixture.url("/incidents?q=bulkjob_"));
    waitForRefresh();
    assertThat(rowIds()).hasSize(100);
    assertThat(driver.findElement(By.id("shown")).getText()).isEqualTo("Showing 1\u2013100 of 130");

    clickToList(By.id("page-next"));

    assertThat(driver.getCurrentUrl()).contains("page=2");
    assertThat(driver.findElement(By.id("shown")).getText()).isEqualTo("Showing 101\u2013130 of 130");
    // The live refresh may redraw the rows between finding and reading them: read them again when it does.
    List<String> jobs = new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElements(By.cssSelector("#incident-rows tr td:nth-child(5)")).stream()
            .map(WebElement::getText).toList());
    assertThat(jobs).hasSize(30).contains("bulkjob_0", "bulkjob_29").doesNotContain("bulkjob_30");
    assertThat(driver.findElements(By.id("page-next"))).isEmpty();
    clickToList(By.id("page-prev"));
    assertThat(driver.findElement(By.id("shown")).getText()).isEqualTo("Showing 1\u2013100 of 130");
  }

  @Test
  void should_link_the_run_page_and_the_ticket_on_the_list_and_on_the_incident_page() {
    String adfPage = "https://adf.azure.com/en/monitoring/pipelineruns/links-1?factory=%2Fsubscriptions%2F0%2F"
        + "resourceGroups%2Frg%2Fproviders%2FMicrosoft.DataFactory%2Ffactories%2Fadf-prod";
    Incident incident = fixture.failLinked(RunKey.of(Source.ADF, "links-1"), "links_pipeline", 'e',
        Category.NETWORK, "links failure", fixture.clock.instant(), adfPage);
    driver.get(fixture.url("/incidents?q=links_pipeline"));
    waitForRefresh();

    // list.js may re-render the rows at any time (a live event): read the row afresh on each try.
    String row = "#incident-" + incident.id() + " ";
    assertThat(read(row + "a.run-page", "href")).isEqualTo(adfPage);
    assertThat(read(row + "a.run-page", "text")).isEqualTo("Data Factory run");
    assertThat(read(row + "a.ticket", "href")).isEqualTo("https://tickets.example/RCA-" + incident.id());

    driver.get(fixture.url("/incidents/" + incident.id()));
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("on-call")));

    assertThat(driver.findElement(By.id("run-page-link")).getAttribute("href")).isEqualTo(adfPage);
    assertThat(driver.findElement(By.id("ticket-link")).getAttribute("href"))
        .isEqualTo("https://tickets.example/RCA-" + incident.id());
  }

  @Test
  void should_run_nothing_when_cancelled_and_run_the_repair_when_confirmed() {
    Incident incident = fixture.failLinked(RunKey.of(Source.DATABRICKS, "4242"), "confirm_job", 'f',
        Category.NETWORK, "Connection reset", fixture.clock.instant(),
        "https://adb-77.azuredatabricks.net/jobs/12/runs/4242");
    driver.get(fixture.url("/incidents/" + incident.id()));

    driver.findElement(By.id("approve-REPAIR_FAILED_TASKS")).click();
    WebElement what = new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-facts")));
    assertThat(what.getText()).contains("REPAIR_FAILED_TASKS", "DATABRICKS:4242", "confirm_job", "every failed task",
        "Databricks workspace adb-77.azuredatabricks.net");
    assertThat(driver.findElement(By.id("confirm-call")).getText()).isEqualTo("POST fake://repair_failed_tasks/4242");
    driver.findElement(By.id("confirm-cancel")).click();

    new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("on-call")));
    assertThat(executedFor(incident)).isEmpty();
    assertThat(driver.findElements(By.id("approve-REPAIR_FAILED_TASKS"))).hasSize(1);

    driver.findElement(By.id("approve-REPAIR_FAILED_TASKS")).click();
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-approve")))
        .click();

    new WebDriverWait(driver, WAIT).ignoring(NoSuchElementException.class)
        .until(d -> d.findElement(By.id("flash")).getText().contains("approved"));
    assertThat(executedFor(incident)).hasSize(1);
    assertThat(fixture.repository.remediations(incident.id())).extracting(o -> o.status())
        .containsExactly(RemediationStatus.SUGGESTED, RemediationStatus.EXECUTED);
  }

  @Test
  void should_lead_with_the_on_call_facts_then_root_cause_and_evidence_with_the_resolve_form_after_them() {
    Incident incident = fixture.fail("order-1", 'd', Category.TIMEOUT, "Read timed out",
        Map.of("cost_center", "cc-9"));
    driver.get(fixture.url("/incidents/" + incident.id()));

    List<String> order = sectionsInOrder();

    assertThat(order).containsSubsequence("on-call", "root-cause", "evidence", "actions", "remediation", "impact",
        "cost-tags", "details", "resolution", "audit");
    assertThat(driver.findElement(By.id("priority")).getText()).isEqualTo("P3");
    assertThat(driver.findElement(By.id("owner")).getText()).isEqualTo("none");
    assertThat(driver.findElement(By.id("runbook")).getText()).isEqualTo("none");
    assertThat(driver.findElement(By.id("cost-tags")).getText()).contains("cost_center", "cc-9");
    assertThat(driver.findElement(By.id("impact")).getText()).contains("Impacted tasks");
    assertThat(driver.findElement(By.id("root-cause-line")).getLocation().getY())
        .isLessThan(driver.findElement(By.id("resolve-form")).getLocation().getY());
  }

  private static Incident file(String test, String job, Category category, String error, Instant at) {
    // A signature of its own, so that no two incidents of these tests group as one.
    return fixture.failLinked(RunKey.of(Source.DATABRICKS, test + "-" + job), job,
        new ErrorSignature(String.format("c%063x", job.hashCode() & 0xffffffffL)), category, error, at,
        "https://adb-1.azuredatabricks.net/jobs/1/runs/" + Math.abs(job.hashCode()));
  }

  private static String read(String css, String what) {
    return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class).until(d -> {
          WebElement element = d.findElement(By.cssSelector(css));
          return what.equals("text") ? element.getText() : element.getAttribute(what);
        });
  }

  private static List<?> executedFor(Incident incident) {
    return fixture.executor.executed().stream().filter(plan -> plan.incident().equals(incident.id())).toList();
  }

  private static List<String> sectionsInOrder() {
    @SuppressWarnings("unchecked")
    List<String> ids = (List<String>) ((JavascriptExecutor) driver).executeScript(
        "return Array.from(document.querySelectorAll('main > section')).map(function (s) { return s.id; });");
    return ids;
  }

  private static void setValue(String id, String value) {
    ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
        id, value);
  }

  /** Clicks what leads to another list page, and waits until that page has loaded and refreshed. */
  private static void clickToList(By by) {
    WebElement body = driver.findElement(By.tagName("body"));
    driver.findElement(by).click();
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(body));
    waitForRefresh();
  }

  /** Waits until list.js has re-read the page from the API, so that the rows checked are the live ones. */
  private static void waitForRefresh() {
    new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.tagName("body")).getAttribute("data-refreshed") != null);
  }

  private static List<Long> rowIds() {
    return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElements(By.cssSelector("#incident-rows tr")).stream()
            .map(tr -> Long.parseLong(tr.getAttribute("data-id"))).toList());
  }
}
