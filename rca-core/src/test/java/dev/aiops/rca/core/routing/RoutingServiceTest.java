package dev.aiops.rca.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.AlertSeverity;
import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.domain.Source;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingServiceTest {

  private static final Destinations SALES = new Destinations(Optional.of("#sales-oncall"),
      List.of("U024BE7LH", "S0614TZR7"), Optional.empty(), Optional.of(new Secret("R0UT1NGKEY")), List.of(),
      Optional.of("SALES"), Optional.of("Pipelines"), Optional.of("5b10ac8d82e05b22cc7d4ef5"),
      Optional.of("Sales Data"));
  private static final Destinations PLATFORM = new Destinations(Optional.of("#platform"), List.of("here"),
      Optional.empty(), Optional.empty(), List.of("platform@example.com"), Optional.of("PLAT"), Optional.empty(),
      Optional.empty(), Optional.empty());
  private static final Destinations FALLBACK = new Destinations(Optional.of("#data-alerts"), List.of(),
      Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty());

  private static RouteMatch match(Set<Source> sources, List<String> jobs, Map<String, String> tags,
      List<String> owners, Set<Category> categories, Set<Priority> priorities) {
    Map<String, Glob> tagGlobs = new java.util.HashMap<>();
    tags.forEach((k, v) -> tagGlobs.put(k, Glob.of(v)));
    return new RouteMatch(sources, jobs.stream().map(Glob::of).toList(), tagGlobs,
        owners.stream().map(Glob::of).toList(), categories, priorities);
  }

  private final Routes routes = new Routes(List.of(
      new Route("sales", match(Set.of(), List.of(), Map.of("team", "sales"), List.of(), Set.of(), Set.of()), SALES,
          Optional.of("https://wiki.example/sales/{job}"), Optional.empty()),
      new Route("platform-auth", match(Set.of(Source.DATABRICKS), List.of("etl_*", "ingest_?"), Map.of(),
          List.of(), Set.of(Category.PERMISSION_DENIED, Category.AUTHENTICATION), Set.of()), PLATFORM,
          Optional.empty(), Optional.of(Priority.P2)),
      new Route("urgent", match(Set.of(), List.of(), Map.of(), List.of(), Set.of(), Set.of(Priority.P1)), PLATFORM,
          Optional.empty(), Optional.empty()),
      new Route("finance-owner", match(Set.of(), List.of(), Map.of(), List.of("fin-*"), Set.of(), Set.of()),
          PLATFORM, Optional.empty(), Optional.empty())),
      Route.fallback(FALLBACK), Map.of());

  private final RoutingService service = new RoutingService(routes, RoutingSettings.defaults());

  private static RoutingFacts facts(Source source, String job, Map<String, String> tags, Category category) {
    return new RoutingFacts(source, job, "load", tags, category, Optional.empty(), 1);
  }

  @Test
  void should_send_to_the_teams_channel_project_assignee_and_routing_key_when_its_tag_matches() {
    RoutingService.Decision decision = service.decide(facts(Source.ADF, "pl_orders", Map.of("Team", "Sales"),
        Category.TIMEOUT));

    assertThat(decision.assignment().route()).isEqualTo("sales");
    assertThat(decision.assignment().owner()).contains("Sales");
    assertThat(decision.assignment().runbookUrl()).contains("https://wiki.example/sales/pl_orders");
    assertThat(decision.destinations().slackChannel()).contains("#sales-oncall");
    assertThat(decision.destinations().jiraProject()).contains("SALES");
    assertThat(decision.destinations().jiraAssignee()).contains("5b10ac8d82e05b22cc7d4ef5");
    assertThat(decision.destinations().pagerDutyRoutingKey()).map(Secret::reveal).contains("R0UT1NGKEY");
  }

  @Test
  void should_match_an_adf_annotation_written_as_key_and_value_when_the_route_asks_for_the_tag() {
    Assignment assignment = service.assign(facts(Source.ADF, "pl_orders", Map.of("team:sales", ""),
        Category.TIMEOUT));

    assertThat(assignment.route()).isEqualTo("sales");
    assertThat(assignment.owner()).contains("sales");
  }

  @Test
  void should_match_job_patterns_source_and_category_and_apply_the_route_floor_when_all_hold() {
    Assignment etl = service.assign(facts(Source.DATABRICKS, "ETL_orders", Map.of(), Category.PERMISSION_DENIED));
    Assignment ingest = service.assign(facts(Source.DATABRICKS, "ingest_7", Map.of(), Category.AUTHENTICATION));
    Assignment wrongSource = service.assign(facts(Source.ADF, "etl_orders", Map.of(), Category.PERMISSION_DENIED));
    Assignment wrongCategory = service.assign(facts(Source.DATABRICKS, "etl_orders", Map.of(),
        Category.DATA_QUALITY));

    assertThat(etl.route()).isEqualTo("platform-auth");
    assertThat(etl.priority()).isEqualTo(Priority.P2);
    assertThat(ingest.route()).isEqualTo("platform-auth");
    assertThat(wrongSource.route()).isEqualTo(Assignment.DEFAULT_ROUTE);
    assertThat(wrongCategory.route()).isEqualTo(Assignment.DEFAULT_ROUTE);
  }

  @Test
  void should_match_on_the_matrix_priority_when_a_route_lists_priorities() {
    RoutingFacts gold = facts(Source.ADF, "pl_x", Map.of("sla", "GOLD"), Category.SCHEMA_MISMATCH);
    RoutingFacts paged = new RoutingFacts(Source.ADF, "pl_y", "", Map.of(), Category.DATA_QUALITY,
        Optional.of(AlertSeverity.SEV1), 1);

    assertThat(service.assign(gold)).satisfies(a -> {
      assertThat(a.route()).isEqualTo("urgent");
      assertThat(a.priority()).isEqualTo(Priority.P1);
    });
    assertThat(service.assign(paged).route()).isEqualTo("urgent");
  }

  @Test
  void should_match_the_owner_read_from_the_configured_owner_keys() {
    RoutingService byCostOwner = new RoutingService(routes, new RoutingSettings(List.of("data_owner"), "sla",
        RoutingSettings.DEFAULT_SLA_TIERS, 3, Optional.empty()));
    RoutingFacts facts = facts(Source.ADF, "pl_x", Map.of("data_owner", "fin-ops", "owner", "alice"),
        Category.TIMEOUT);

    assertThat(byCostOwner.assign(facts)).satisfies(a -> {
      assertThat(a.route()).isEqualTo("finance-owner");
      assertThat(a.owner()).contains("fin-ops");
    });
    assertThat(service.assign(facts).owner()).contains("alice");
  }

  @Test
  void should_use_the_default_route_when_nothing_matches() {
    Assignment assignment = service.assign(facts(Source.ADF, "pl_misc", Map.of(), Category.TIMEOUT));

    assertThat(assignment).isEqualTo(new Assignment("default", Optional.empty(), Priority.P3, Optional.empty()));
    assertThat(service.decide(facts(Source.ADF, "pl_misc", Map.of(), Category.TIMEOUT)).destinations())
        .isEqualTo(FALLBACK);
  }

  @Test
  void should_give_the_default_routes_destinations_when_a_route_no_longer_exists() {
    assertThat(service.destinations("sales")).isEqualTo(SALES);
    assertThat(service.destinations("renamed-since")).isEqualTo(FALLBACK);
    assertThat(RoutingService.unrouted().destinations("sales")).isEqualTo(Destinations.DEFAULTS);
  }

  @Test
  void should_only_raise_the_priority_when_a_recurrence_is_reassessed() {
    RoutingFacts first = facts(Source.ADF, "pl_misc", Map.of(), Category.TIMEOUT);
    Assignment assigned = service.assign(first);
    RoutingFacts third = new RoutingFacts(Source.ADF, "pl_misc", "load", Map.of("team", "sales"), Category.TIMEOUT,
        Optional.empty(), 3);
    Assignment p1 = assigned.withPriority(Priority.P1);

    Assignment reassessed = service.reassess(assigned, third);

    assertThat(reassessed.priority()).isEqualTo(Priority.P2);
    assertThat(reassessed.route()).isEqualTo("default"); // the route people were told of stays
    assertThat(service.reassess(p1, third)).isEqualTo(p1);
  }

  @Test
  void should_refuse_two_routes_of_one_name_and_a_default_of_another_name() {
    Route sales = new Route("sales", RouteMatch.ANY, SALES, Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> new Routes(List.of(sales, sales), Route.fallback(FALLBACK), Map.of()))
        .hasMessageContaining("'sales' is used twice");
    assertThatThrownBy(() -> new Routes(List.of(), sales, Map.of())).hasMessageContaining("named default");
  }
}
