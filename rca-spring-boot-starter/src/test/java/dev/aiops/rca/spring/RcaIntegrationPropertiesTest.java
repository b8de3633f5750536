package dev.aiops.rca.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** ServiceNow, Teams, PagerDuty, e-mail, the notifier order and the intervals from {@code rca.*}. */
class RcaIntegrationPropertiesTest {

  private static final String TEAMS_SIGNATURE = "Zm9vYmFyc2VjcmV0c2lnbmF0dXJl";
  private static final String PAGERDUTY_KEY = "R0UT1NGKEY0123456789abcdef012345";
  private static final String SMTP_PASSWORD = "smtp-password-42";
  private static final String SERVICENOW_PASSWORD = "now-password-42";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RcaAutoConfiguration.class));

  private static String[] allNotifiers(String teamsWebhook) {
    return new String[] {"rca.slack.bot-token=xoxb-1-2-abc", "rca.slack.alert-channel=#alerts",
        "rca.teams.webhook-url=" + teamsWebhook, "rca.teams.followup-interval=30m",
        "rca.pagerduty.routing-key=" + PAGERDUTY_KEY, "rca.pagerduty.min-priority=p2",
        "rca.pagerduty.events-url=https://events.eu.pagerduty.com/v2/enqueue",
        "rca.email.smtp-host=smtp.acme.example", "rca.email.smtp-user=rca", "rca.email.smtp-password=" + SMTP_PASSWORD,
        "rca.email.from=rca@acme.example", "rca.email.to=ops@acme.example, data@acme.example"};
  }

  @Test
  void should_bind_servicenow_teams_pagerduty_and_email_into_the_adapters_settings() {
    runner.withPropertyValues(allNotifiers("https://acme.webhook.office.com/webhookb2/x/IncomingWebhook/"
        + TEAMS_SIGNATURE)).withPropertyValues("rca.itsm.tool=servicenow", "rca.servicenow.instance=acme.service-now.com",
        "rca.servicenow.user=rca", "rca.servicenow.password=" + SERVICENOW_PASSWORD,
        "rca.servicenow.assignment-group=Data Platform", "rca.cost-tag-keys=owner,billing",
        "rca.ticket-sync-interval=0", "rca.recovery-interval=2m", "rca.remediation.max-auto-repairs=3")
        .run(context -> {
          assertThat(context).hasNotFailed().hasBean("rcaServiceNowIssueTracker").hasBean("rcaTeamsNotifier")
              .hasBean("rcaPagerDutyNotifier").hasBean("rcaEmailNotifier").hasBean("rcaSlackNotifier");
          RcaSettings settings = context.getBean(RcaSettings.class);
          assertThat(settings.serviceNow()).hasValueSatisfying(s -> {
            assertThat(s.instance().toString()).isEqualTo("https://acme.service-now.com");
            assertThat(s.assignmentGroup()).contains("Data Platform");
          });
          assertThat(settings.teams()).hasValueSatisfying(t ->
              assertThat(t.followUpInterval()).isEqualTo(Duration.ofMinutes(30)));
          assertThat(settings.pagerDuty()).hasValueSatisfying(p -> {
            assertThat(p.minPriority()).isEqualTo(Priority.P2);
            assertThat(p.eventsUrl().getHost()).isEqualTo("events.eu.pagerduty.com");
          });
          assertThat(settings.email()).hasValueSatisfying(e -> {
            assertThat(e.port()).isEqualTo(587);
            assertThat(e.defaultRecipients()).containsExactly("ops@acme.example", "data@acme.example");
          });
          assertThat(settings.costTagKeys()).containsExactly("owner", "billing");
          assertThat(settings.ticketSync()).isZero();
          assertThat(settings.recoveryInterval()).isEqualTo(Duration.ofMinutes(2));
          assertThat(settings.remediation().maxAttemptsPerIncident()).isEqualTo(3);
          assertThat(settings.toString()).as("secrets are masked")
              .doesNotContain(TEAMS_SIGNATURE, PAGERDUTY_KEY, SMTP_PASSWORD, SERVICENOW_PASSWORD);
          assertThat(context.getBean(RcaAssistant.class).notifiers().all()).extracting(n -> n.name())
              .as("every configured one, in the service's order").containsExactly("slack", "teams", "pagerduty", "email");
        });
  }

  @Test
  void should_give_the_facade_the_notifiers_in_the_order_rca_notifiers_names_them() {
    runner.withPropertyValues(allNotifiers("https://acme.webhook.office.com/webhookb2/x/IncomingWebhook/s"))
        .withPropertyValues("rca.notifiers=PagerDuty, email,log").run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(RcaAssistant.class).notifiers().all()).extracting(n -> n.name())
              .containsExactly("pagerduty", "email", "log");
        });
  }

  @Test
  void should_refuse_to_start_naming_each_bad_property_with_the_services_message() {
    runner.withPropertyValues("rca.itsm.tool=servicenow", "rca.servicenow.instance=acme.service-now.com",
        "rca.servicenow.user=rca", "rca.teams.webhook-url=http://teams.example/webhookb2/secret-sig",
        "rca.teams.followup-interval=soon", "rca.pagerduty.min-priority=P9", "rca.pagerduty.events-url=/v2/enqueue",
        "rca.email.smtp-host=smtp.acme.example", "rca.email.smtp-port=0", "rca.ticket-sync-interval=500ms",
        "rca.notifiers=teams,what?", "rca.remediation.max-auto-repairs=11").run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().isInstanceOfSatisfying(
              InvalidRcaPropertiesException.class, e -> {
                assertThat(e.problems()).contains(
                    "rca.servicenow.password is missing (ServiceNow needs rca.servicenow.user and "
                        + "rca.servicenow.password, or rca.servicenow.token)",
                    "rca.teams.followup-interval must be a duration such as 90s, 15m, 1h or PT1H, was 'soon'",
                    "rca.pagerduty.min-priority must be one of [P1, P2, P3, P4], was 'P9'",
                    "rca.pagerduty.events-url must be an absolute URL, was '/v2/enqueue'",
                    "rca.email.smtp-port must be a number from 1 to 65535, was '0'",
                    "rca.remediation.max-auto-repairs must be a number from 0 to 10, was '11'",
                    "rca.ticket-sync-interval must be 0 (off) or a duration of at least 1s such as 30s, 10m or 1h, "
                        + "was '500ms'",
                    "rca.notifiers must list notifiers of [slack, teams, pagerduty, email, log] or notifier beans "
                        + "by name, was 'what?'");
                assertThat(e.problems()).contains("rca.teams.webhook-url must be an https:// URL (a Teams "
                    + "Workflows or incoming webhook)");
                assertThat(e.getMessage()).doesNotContain("secret-sig");
              });
        });
  }

  @Test
  void should_refuse_to_start_when_rca_notifiers_names_one_that_is_not_configured() {
    runner.withPropertyValues("rca.notifiers=teams").run(context -> assertThat(context).hasFailed()
        .getFailure().rootCause().isInstanceOf(InvalidRcaPropertiesException.class)
        .hasMessageContaining("rca.notifiers names teams, which is not configured: set rca.teams.webhook-url"));
  }

  @Test
  void should_refuse_to_start_when_a_pagerduty_setting_is_given_without_the_routing_key() {
    runner.withPropertyValues("rca.pagerduty.min-priority=P1").run(context -> assertThat(context).hasFailed()
        .getFailure().rootCause().hasMessageContaining("rca.pagerduty.routing-key is missing "
            + "(rca.pagerduty.events-url or rca.pagerduty.min-priority is set)"));
  }

  @Test
  void should_refuse_to_start_when_email_has_no_sender() {
    runner.withPropertyValues("rca.email.smtp-host=smtp.acme.example").run(context -> assertThat(context)
        .hasFailed().getFailure().rootCause().hasMessageContaining(
            "rca.email.from is missing (e-mail needs both rca.email.smtp-host and rca.email.from)"));
  }

  /** The application's own Teams notifier and tracker. */
  @Configuration(proxyBeanMethods = false)
  static class OwnTeamsAndTracker {
    @Bean
    Notifier rcaTeamsNotifier() {
      return new InMemoryNotifier();
    }

    @Bean
    IssueTracker ownTracker() {
      return new InMemoryIssueTracker();
    }
  }

  @Test
  void should_replace_only_the_notifier_and_tracker_the_application_defines() {
    runner.withUserConfiguration(OwnTeamsAndTracker.class)
        .withPropertyValues(allNotifiers("https://acme.webhook.office.com/webhookb2/x/IncomingWebhook/s"))
        .withPropertyValues("rca.itsm.tool=servicenow", "rca.servicenow.instance=acme.service-now.com",
            "rca.servicenow.token=now-token").run(context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean("rcaServiceNowIssueTracker")
                  .hasBean("rcaPagerDutyNotifier").hasBean("rcaEmailNotifier");
              assertThat(context.getBean("rcaTeamsNotifier")).isInstanceOf(InMemoryNotifier.class);
              assertThat(context.getBean(RcaAssistant.class).notifiers().all())
                  .filteredOn(n -> n.name().equals("teams")).singleElement()
                  .satisfies(n -> assertThat(n.notifier()).isSameAs(context.getBean("rcaTeamsNotifier")));
            });
  }

  @Test
  void should_post_an_incidents_card_to_the_teams_webhook_the_property_names() throws Exception {
    List<String> posted = new CopyOnWriteArrayList<>();
    HttpServer teams = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    teams.createContext("/", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        posted.add(exchange.getRequestURI().getPath() + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
      byte[] answer = "1".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    teams.start();
    try {
      String webhook = "http://127.0.0.1:" + teams.getAddress().getPort() + "/webhookb2/ops@tenant/IncomingWebhook/"
          + TEAMS_SIGNATURE;
      runner.withPropertyValues("rca.teams.webhook-url=" + webhook).run(context -> {
        RcaAssistant rca = context.getBean(RcaAssistant.class);
        rca.receive(Source.DATABRICKS, Map.of(), RcaAutoConfigurationTest.webhook("7201"));
        Incident incident = RcaAutoConfigurationTest.awaitIncident(rca);

        assertThat(incident.notification()).hasValueSatisfying(ref -> assertThat(ref.channel()).isNotBlank());
        assertThat(posted).singleElement().satisfies(post -> assertThat(post)
            .startsWith("/webhookb2/ops@tenant/IncomingWebhook/").contains("AdaptiveCard", "etl_orders"));
      });
    } finally {
      teams.stop(0);
    }
  }

  @Test
  void should_route_incidents_with_the_routes_file_and_settings_the_properties_name(@TempDir Path dir)
      throws Exception {
    Path routes = Files.writeString(dir.resolve("routes.yaml"), String.join("\n",
        "routes:",
        "  - name: orders",
        "    match: {job: [\"etl_*\"]}",
        "    priority: P2",
        "    pagerduty: {routingKey: \"${PD_ORDERS_KEY}\"}",
        "default:",
        "  email: [data@acme.example]", ""));
    runner.withPropertyValues("rca.routes-file=" + routes, "PD_ORDERS_KEY=" + PAGERDUTY_KEY,
        "rca.owner-tag-keys=squad", "rca.sla-tag-key=tier", "rca.sla-tiers=Platinum:1,Silver:2",
        "rca.priority-recurrence=5", "rca.runbook-url=https://wiki.acme.example/rb/{category}").run(context -> {
          assertThat(context).hasNotFailed();
          RcaRouting routing = context.getBean(RcaSettings.class).routing();
          assertThat(routing.file()).contains(routes);
          assertThat(routing.routes().routes()).extracting(r -> r.name()).containsExactly("orders");
          assertThat(routing.settings().ownerTagKeys()).containsExactly("squad");
          assertThat(routing.settings().slaTiers()).containsEntry("platinum", 1).containsEntry("silver", 2);
          assertThat(routing.settings().recurrenceThreshold()).isEqualTo(5);
          assertThat(routing.settings().runbookUrl()).contains("https://wiki.acme.example/rb/{category}");

          RcaAssistant rca = context.getBean(RcaAssistant.class);
          rca.receive(Source.DATABRICKS, Map.of(), RcaAutoConfigurationTest.webhook("7301"));
          Incident incident = RcaAutoConfigurationTest.awaitIncident(rca);
          assertThat(incident.assignment().route()).isEqualTo("orders");
          assertThat(incident.assignment().priority()).isEqualTo(Priority.P2);
        });
  }

  @Test
  void should_refuse_to_start_naming_the_routes_files_line_and_each_bad_routing_property(@TempDir Path dir)
      throws Exception {
    Path routes = Files.writeString(dir.resolve("routes.yaml"), "routes:\n  - name: orders\n    priority: P9\n");
    runner.withPropertyValues("rca.routes-file=" + routes, "rca.sla-tiers=gold:one", "rca.owner-tag-keys= ",
        "rca.priority-recurrence=1").run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().isInstanceOfSatisfying(
              InvalidRcaPropertiesException.class, e -> {
                assertThat(e.problems()).contains(
                    "rca.sla-tiers must list value:tier pairs with tiers 1 to 3, such as gold:1,silver:2,bronze:3;"
                        + " 'gold:one' is not one",
                    "rca.owner-tag-keys must name at least one tag, such as owner,team",
                    "rca.priority-recurrence must be a number from 2 to 1000, was '1'");
                assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("rca.routes-file " + routes + ":3: "));
              });
        });
  }
}
