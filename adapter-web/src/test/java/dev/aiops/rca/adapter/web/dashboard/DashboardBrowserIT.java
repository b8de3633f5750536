package dev.aiops.rca.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.RemediationStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's headless Chromium: log in, see an incident arrive live, open it, approve its
 * remediation against the stub executor, and see an XSS payload in an error shown as text. Skipped when Chromium
 * or its driver is missing, except under {@code CI=true}. Screenshots go to {@code target/screenshots}, and to
 * {@code docs/screenshots} with {@code -Drca.screenshots.update=true}.
 */
class DashboardBrowserIT {

  private static final Duration WAIT = HeadlessChromium.WAIT;

  @TempDir
  static Path temp;

  private static DashboardFixture fixture;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws IOException {
    driver = HeadlessChromium.start(temp);
    fixture = new DashboardFixture(Files.createDirectories(temp.resolve("data")));
    HeadlessChromium.logIn(driver, fixture, "admin", DashboardFixture.ADMIN_PASSWORD);
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
  void should_show_an_incident_without_reloading_when_it_is_filed_while_the_list_is_open() {
    driver.get(fixture.url("/incidents"));
    waitForLiveStream();
    // A mark on the window survives only if the page is not reloaded.
    ((JavascriptExecutor) driver).executeScript("window.rcaNoReload = true;");

    Incident incident = fixture.fail("live-1", '1', Category.NETWORK, "java.net.SocketException: Connection reset");

    String row = rowText(incident);
    assertThat(row).contains("NETWORK", "etl_orders", "Connection reset");
    assertThat(((JavascriptExecutor) driver).executeScript("return window.rcaNoReload === true;")).isEqualTo(true);
    new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("counts-category")).getText().contains("NETWORK"));

    // A week of history, so that the chart has something to show.
    Instant now = fixture.clock.instant();
    for (int day = 6; day >= 1; day--) {
      Instant at = now.minus(Duration.ofDays(day));
      fixture.fail("net-" + day, '1', Category.NETWORK, "java.net.SocketException: Connection reset", at);
      if (day % 2 == 0) {
        fixture.fail("timeout-" + day, '2', Category.TIMEOUT, "Timed out waiting for cluster c-42", at);
      }
      if (day % 3 == 0) {
        fixture.fail("table-" + day, '3', Category.TABLE_OR_VIEW_NOT_FOUND,
            "[TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`users` cannot be found.", at);
      }
    }
    int expected = fixture.repository.list(IncidentQuery.all(100)).size();
    new WebDriverWait(driver, WAIT)
        .until(d -> d.findElements(By.cssSelector("#incident-rows tr")).size() == expected);
    new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("counts-category")).getText().contains("TIMEOUT"));
    screenshot("incident-list.png");
  }

  @Test
  void should_show_the_outcome_when_an_operator_approves_the_suggested_remediation() {
    Incident incident = fixture.fail("approve-1", '5', Category.UPSTREAM_DEPENDENCY,
        "Upstream job ingest_raw did not finish in time");
    driver.get(fixture.url("/incidents/" + incident.id()));
    assertThat(driver.findElement(By.cssSelector("#suggestion-REPAIR_FAILED_TASKS pre.api-call")).getText())
        .isEqualTo("POST fake://repair_failed_tasks/approve-1");

    driver.findElement(By.id("approve-REPAIR_FAILED_TASKS")).click();
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-approve")))
        .click();

    // The approval answers with a new page: wait for it before reading, or the old page's elements go stale.
    new WebDriverWait(driver, WAIT).ignoring(NoSuchElementException.class)
        .until(d -> d.findElement(By.id("flash")).getText().contains("approved"));
    WebElement outcomes = driver.findElement(By.id("remediation-outcomes"));
    assertThat(outcomes.getText()).contains("REPAIR_FAILED_TASKS EXECUTED", "started run repair-");
    assertThat(driver.findElements(By.id("approve-REPAIR_FAILED_TASKS"))).isEmpty();
    assertThat(fixture.repository.remediations(incident.id())).extracting(o -> o.status())
        .containsExactly(RemediationStatus.SUGGESTED, RemediationStatus.EXECUTED);
    assertThat(fixture.executor.executed()).extracting(plan -> plan.incident()).contains(incident.id());
    screenshot("incident-page.png");
  }

  @Test
  void should_show_the_incident_resolved_when_an_operator_resolves_it_with_a_reason() {
    Incident incident = fixture.fail("resolve-1", '6', Category.TIMEOUT, "Read timed out");
    driver.get(fixture.url("/incidents/" + incident.id()));

    driver.findElement(By.id("resolve-reason")).sendKeys("the upstream API is back");
    driver.findElement(By.id("resolve")).click();

    new WebDriverWait(driver, WAIT).ignoring(NoSuchElementException.class)
        .until(d -> d.findElement(By.id("flash")).getText().startsWith("Incident resolved"));
    assertThat(driver.findElement(By.cssSelector("dl.facts")).getText()).contains("RESOLVED");
    assertThat(driver.findElements(By.id("resolve-form"))).isEmpty();
    assertThat(fixture.repository.auditTrail(incident.id())).anySatisfy(entry ->
        assertThat(entry.detail()).endsWith(": the upstream API is back"));
  }

  @Test
  void should_show_markup_as_text_when_an_error_message_carries_it() {
    Incident incident = fixture.fail("xss-1", '9', Category.CODE_ERROR, "ValueError: " + DashboardTest.XSS);

    driver.get(fixture.url("/incidents"));
    // Checked once the script has re-rendered the rows from the API, so that both renderings are covered.
    new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.tagName("body")).getAttribute("data-refreshed") != null);
    assertThat(rowText(incident)).contains(DashboardTest.XSS);
    assertNoInjectedMarkup();

    driver.get(fixture.url("/incidents/" + incident.id()));
    assertThat(driver.findElement(By.id("root-cause-line")).getText()).isEqualTo("ValueError: " + DashboardTest.XSS);
    assertNoInjectedMarkup();
  }

  private static void assertNoInjectedMarkup() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    assertThat(js.executeScript("return document.querySelectorAll('img').length;")).isEqualTo(0L);
    assertThat(js.executeScript("return document.querySelectorAll('script:not([src])').length;")).isEqualTo(0L);
    @SuppressWarnings("unchecked")
    List<String> sources = (List<String>) js.executeScript(
        "return Array.from(document.scripts).map(function (s) { return s.getAttribute('src'); });");
    assertThat(sources).allSatisfy(src -> assertThat(src).matches("/(assets|webjars)/.*\\.js"));
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }

  /** The row's text once it is there; the list re-renders its rows, so a found row may go stale at once. */
  private static String rowText(Incident incident) {
    return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("incident-" + incident.id())).getText());
  }

  private static void waitForLiveStream() {
    new WebDriverWait(driver, WAIT).until(d -> "live".equals(
        d.findElement(By.id("live-status")).getAttribute("data-state")));
  }

  /** Saves the whole page, not just the window: the window grows to the page's height for the shot. */
  private static void screenshot(String name) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("window.scrollTo(0, 0);");
    long height = (Long) js.executeScript("return document.documentElement.scrollHeight;");
    Dimension window = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 140, 4000)));
    try {
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
      Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
      if (Boolean.getBoolean("rca.screenshots.update")) {
        Path module = Path.of("").toAbsolutePath();
        Path root = Files.exists(module.resolve("app-http")) ? module : module.getParent();
        Files.copy(shot, Files.createDirectories(root.resolve("docs/screenshots")).resolve(name),
            StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot save screenshot " + name, e);
    } finally {
      driver.manage().window().setSize(window);
    }
  }
}
