package dev.aiops.rca.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.Samples;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics, counts and the listing cover every incident, also beyond the newest thousand. */
class DashboardAtScaleTest {

  private static final int INCIDENTS = 2_500;
  private static final int OLD_ADF = 18;

  @TempDir
  Path dataDir;

  private DashboardFixture fixture;
  private Browserless browser;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    fixture = new DashboardFixture(dataDir);
    browser = new Browserless(fixture);
    // The Data Factory incidents are the oldest, so that the newest thousand hold none of them.
    Instant at = fixture.clock.instant().minusSeconds(INCIDENTS);
    for (int i = 0; i < INCIDENTS; i++) {
      Source source = i < OLD_ADF ? Source.ADF : Source.DATABRICKS;
      fixture.repository.file(new IncidentDraft(RunKey.of(source, String.valueOf(1000 + i)),
          new ErrorSignature(String.format("%064x", i)), "job_" + i, at.plusSeconds(i),
          Samples.analysis(i % 2 == 0 ? Category.TIMEOUT : Category.NETWORK, "failed " + i)));
    }
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void should_count_every_incident_when_there_are_more_than_a_thousand() throws Exception {
    JsonNode stats = json.readTree(browser.get("/api/stats", "X-API-Key", DashboardFixture.API_KEY).body());

    assertThat(stats.get("incidents").asLong()).isEqualTo(INCIDENTS);
    assertThat(stats.get("bySource").get("ADF").asLong()).isEqualTo(OLD_ADF);
    assertThat(stats.get("bySource").get("DATABRICKS").asLong()).isEqualTo(INCIDENTS - OLD_ADF);
    assertThat(stats.get("byCategory").get("TIMEOUT").asLong()).isEqualTo(INCIDENTS / 2);
    assertThat(stats.get("byStatus").get("OPEN").asLong()).isEqualTo(INCIDENTS);
    JsonNode timeouts = stats.get("failuresPerDayByCategory").get("TIMEOUT");
    long charted = 0;
    for (JsonNode day : timeouts) {
      charted += day.asLong();
    }
    assertThat(charted).isEqualTo(INCIDENTS / 2);
  }

  @Test
  void should_page_through_every_incident_with_the_total_when_listed() throws Exception {
    JsonNode middle = json.readTree(browser.get("/api/incidents?limit=200&offset=1000",
        "X-API-Key", DashboardFixture.API_KEY).body());
    JsonNode last = json.readTree(browser.get("/api/incidents?limit=200&offset=2400",
        "X-API-Key", DashboardFixture.API_KEY).body());
    JsonNode adf = json.readTree(browser.get("/api/incidents?source=ADF&limit=5&offset=15",
        "X-API-Key", DashboardFixture.API_KEY).body());

    assertThat(middle.get("items")).hasSize(200);
    assertThat(middle.get("total").asLong()).isEqualTo(INCIDENTS);
    assertThat(middle.get("hasMore").asBoolean()).isTrue();
    assertThat(last.get("items")).hasSize(100);
    assertThat(last.get("items").get(99).get("id").asLong()).isEqualTo(1);
    assertThat(last.get("hasMore").asBoolean()).isFalse();
    assertThat(adf.get("items")).hasSize(3);
    assertThat(adf.get("total").asLong()).isEqualTo(OLD_ADF);
  }

  @Test
  void should_show_counts_over_every_incident_when_the_list_page_is_shown() {
    browser.login("admin", DashboardFixture.ADMIN_PASSWORD);

    String page = browser.get("/incidents").body();

    assertThat(page).contains("<span class=\"name\">ADF</span> <span class=\"count\">" + OLD_ADF + "</span>")
        .contains("Showing 1&ndash;100 of 2,500", "id=\"incident-2500\"", "id=\"incident-2401\"")
        .doesNotContain("id=\"incident-2400\"");
  }

  @Test
  void should_show_the_second_hundred_with_links_either_way_when_page_two_is_asked() {
    browser.login("admin", DashboardFixture.ADMIN_PASSWORD);

    String page = browser.get("/incidents?page=2").body();
    String last = browser.get("/incidents?page=25").body();

    assertThat(page).contains("Showing 101&ndash;200 of 2,500", "page 2 of 25", "id=\"incident-2400\"",
            "id=\"incident-2301\"", "href=\"/incidents\">First</a>", "href=\"/incidents?page=3\">Next</a>")
        .doesNotContain("id=\"incident-2401\"", "id=\"incident-2300\"");
    assertThat(last).contains("Showing 2,401&ndash;2,500 of 2,500", "id=\"incident-1\"")
        .doesNotContain("id=\"page-next\"");
  }

  @Test
  void should_keep_the_filter_and_order_in_the_page_links_when_a_filtered_list_is_paged() {
    browser.login("admin", DashboardFixture.ADMIN_PASSWORD);

    String page = browser.get("/incidents?category=TIMEOUT&q=job_&sort=first_seen&dir=asc&page=2").body();

    assertThat(page).contains("Showing 101&ndash;200 of 1,250", "id=\"incident-201\"")
        .contains("href=\"/incidents?category=TIMEOUT&amp;q=job_&amp;sort=first_seen&amp;dir=asc&amp;page=3\"")
        .contains("href=\"/incidents?category=TIMEOUT&amp;q=job_&amp;sort=first_seen&amp;dir=desc\"");
  }
}
