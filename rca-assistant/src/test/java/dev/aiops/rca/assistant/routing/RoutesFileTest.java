package dev.aiops.rca.assistant.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.core.routing.Route;
import dev.aiops.rca.core.routing.Routes;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.domain.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutesFileTest {

  private static final Map<String, String> ENV = Map.of("PD_SALES_ROUTING_KEY", "R0UT1NGKEYSALES00000000000000000",
      "TEAMS_PLATFORM_WEBHOOK", "https://prod-00.westeurope.logic.azure.com/workflows/abc?sig=SECRETSIG");

  private static Routes parse(String text) {
    return RoutesFile.parse(text, "routes.yaml", name -> Optional.ofNullable(ENV.get(name)));
  }

  static String example() {
    try (InputStream in = RoutesFileTest.class.getResourceAsStream("/routing/routes.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void should_read_routes_default_and_runbooks_when_the_yaml_example_is_given() {
    Routes routes = parse(example());

    assertThat(routes.routes()).extracting(Route::name).containsExactly("sales-gold", "platform-access",
        "p1-anything");
    Route sales = routes.routes().get(0);
    assertThat(sales.floor()).contains(Priority.P2);
    assertThat(sales.match().jobs()).hasSize(2);
    assertThat(sales.destinations().slackChannel()).contains("#sales-oncall");
    assertThat(sales.destinations().slackMentions()).containsExactly("U024BE7LH", "S0614TZR7");
    assertThat(sales.destinations().pagerDutyRoutingKey()).map(Secret::reveal)
        .contains("R0UT1NGKEYSALES00000000000000000");
    assertThat(sales.destinations().jiraAssignee()).contains("5b10ac8d82e05b22cc7d4ef5");
    assertThat(sales.destinations().serviceNowAssignmentGroup()).contains("Sales Data");
    assertThat(sales.destinations().emailRecipients()).containsExactly("sales-data@example.com");
    Route platform = routes.routes().get(1);
    assertThat(platform.match().sources()).containsExactly(Source.DATABRICKS);
    assertThat(platform.match().categories()).containsExactlyInAnyOrder(Category.PERMISSION_DENIED,
        Category.AUTHENTICATION);
    assertThat(platform.destinations().teamsWebhook()).hasValueSatisfying(
        w -> assertThat(w.toString()).isEqualTo("****"));
    assertThat(routes.routes().get(2).match().priorities()).containsExactly(Priority.P1);
    assertThat(routes.fallback().destinations().slackChannel()).contains("#data-alerts");
    assertThat(routes.runbooks()).containsKeys(Category.TIMEOUT, Category.DATA_QUALITY);
  }

  @Test
  void should_read_the_same_routes_when_the_file_is_json() {
    Routes routes = parse("""
        {"routes": [{"name": "sales", "match": {"tags": {"team": "sales"}},
                     "slack": {"channel": "#sales"}, "jira": {"project": "SALES"}}],
         "default": {"slack": {"channel": "#data-alerts"}}}""");

    assertThat(routes.routes()).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("sales");
      assertThat(r.destinations().jiraProject()).contains("SALES");
    });
    assertThat(routes.fallback().destinations().slackChannel()).contains("#data-alerts");
  }

  @Test
  void should_list_every_problem_with_its_line_when_the_file_is_invalid() {
    String text = """
        routes:
          - name: sales
            match:
              category: TIMEOUTS
              colour: blue
            slack: {channel: "sales oncall", mentions: [U024BE7LH, "<!everyone>"]}
            priority: P0
          - name: sales
            teams: {webhook: "http://insecure.example/hook"}
            pagerduty: {routingKey: "${NOT_SET}"}
          - match: {job: x}
        default:
          runbook: ftp://wiki/x
        runbooks:
          NOPE: https://wiki/x
        extra: 1
        """;

    assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(InvalidRoutesFileException.class, e ->
        assertThat(e.problems()).containsExactlyInAnyOrder(
            "routes.yaml:16: unknown key 'extra' in the file (known: default, routes, runbooks)",
            "routes.yaml:5: unknown key 'colour' in match (known: category, job, owner, priority, source, tags)",
            "routes.yaml:4: 'timeouts' is not a category (see eval/CATEGORIES.md)",
            "routes.yaml:6: a Slack channel must be #name (lower case) or a channel id such as C0123ABCD",
            "routes.yaml:6: a Slack mention must be a user id (U…), a user group id (S…), here, channel or everyone",
            "routes.yaml:7: 'p0' is not a priority (P1, P2, P3 or P4)",
            "routes.yaml:8: route name 'sales' is used twice (or is 'default', which names the default route)",
            "routes.yaml:9: a Teams webhook must be an https:// URL",
            "routes.yaml:10: ${NOT_SET} is not set in the environment",
            "routes.yaml:11: a route needs a name",
            "routes.yaml:13: a runbook must be an http(s) URL, was 'ftp://wiki/x'",
            "routes.yaml:15: 'nope' is not a category (see eval/CATEGORIES.md)"));
  }

  @Test
  void should_name_the_line_when_the_file_is_not_yaml() {
    assertThatThrownBy(() -> parse("routes:\n  - name: a\n    slack: {channel: \"#a\"\n  - name: b\n"))
        .isInstanceOfSatisfying(InvalidRoutesFileException.class, e -> assertThat(e.problems()).singleElement()
            .asString().startsWith("routes.yaml:").contains("not YAML or JSON"));
  }

  @Test
  void should_refuse_a_key_given_twice_in_one_mapping() {
    assertThatThrownBy(() -> parse("default:\n  slack: {channel: \"#a\"}\ndefault:\n  slack: {channel: \"#b\"}\n"))
        .isInstanceOfSatisfying(InvalidRoutesFileException.class, e -> assertThat(e.problems())
            .contains("routes.yaml:3: 'default' is given twice (also on line 1)"));
  }

  @Test
  void should_refuse_an_empty_file() {
    assertThatThrownBy(() -> parse("# nothing yet\n"))
        .hasMessageContaining("routes.yaml:1: the file is empty");
  }

  @Test
  void should_name_the_file_once_when_it_cannot_be_read() {
    java.nio.file.Path missing = java.nio.file.Path.of("no-such-dir", "routes.yaml");

    assertThatThrownBy(() -> RoutesFile.read(missing, name -> Optional.empty()))
        .isInstanceOfSatisfying(InvalidRoutesFileException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p).startsWith(missing + " cannot be read: ")));
  }
}
