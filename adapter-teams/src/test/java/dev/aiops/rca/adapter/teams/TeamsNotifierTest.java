package dev.aiops.rca.adapter.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.adapter.teams.TeamsStub.Answer;
import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.NotifierContract;
import dev.aiops.rca.testkit.Samples;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Adaptive Cards Teams receives, when it receives them, and how its answers are taken. */
class TeamsNotifierTest {

  private final TeamsStub stub = new TeamsStub();
  private final MutableClock clock = new MutableClock(Samples.T0);

  @AfterEach
  void stop() {
    stub.close();
  }

  private TeamsNotifier notifier() {
    return TeamsNotifierContractTest.notifier(TeamsSettings.of(stub.incomingWebhook("alerts")), clock);
  }

  static Notification notification(Priority priority) {
    Notification plain = NotifierContract.notification();
    Incident incident = plain.incident().withAssignment(new Assignment("payments", Optional.of("team-payments"),
        priority, Optional.of("https://wiki.example.com/runbooks/tables")));
    return new Notification(incident, plain.title(), plain.text(), plain.category(),
        Optional.of(new TicketRef("jira", "OPS-42", "https://acme.atlassian.net/browse/OPS-42")),
        Optional.of("https://adb-1.azuredatabricks.net/run/1"), List.of("load_orders SKIPPED"));
  }

  private static Recurrence recurrence(Notification notification, String run, int occurrences) {
    return new Recurrence(notification.incident().id(), RunKey.of(Source.DATABRICKS, run), occurrences,
        Samples.T0);
  }

  @Test
  void should_post_an_adaptive_card_with_the_root_cause_facts_top_actions_and_link_buttons() {
    Notification notification = notification(Priority.P1);

    NotificationRef ref = notifier().notify(notification);

    assertThat(ref).isEqualTo(new NotificationRef("teams", notification.incident().id().toString()));
    JsonNode message = stub.seen().get(0).body();
    assertThat(message.path("type").asText()).isEqualTo("message");
    assertThat(message.path("attachments")).hasSize(1);
    assertThat(message.path("attachments").path(0).path("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = stub.seen().get(0).card();
    assertThat(card.path("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
    assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.path("version").asText()).isEqualTo("1.4");
    List<String> types = StreamSupport.stream(card.path("body").spliterator(), false)
        .map(element -> element.path("type").asText()).toList();
    assertThat(types).startsWith("Container", "TextBlock", "FactSet", "TextBlock", "TextBlock")
        .allMatch(type -> List.of("Container", "TextBlock", "FactSet").contains(type));
    JsonNode heading = card.path("body").path(0);
    assertThat(heading.path("style").asText()).isEqualTo("attention");
    assertThat(heading.path("items").path(0).path("text").asText()).isEqualTo(notification.title());
    assertThat(card.path("body").path(1).path("text").asText()).isEqualTo("[TABLE_OR_VIEW_NOT_FOUND] prod.users");
    assertThat(StreamSupport.stream(card.path("body").path(2).path("facts").spliterator(), false)
        .map(fact -> fact.path("title").asText() + "=" + fact.path("value").asText()))
        .contains("Category=TABLE_OR_VIEW_NOT_FOUND", "Priority=P1", "Occurrences=1", "Ticket=jira OPS-42",
            "Owner=team-payments", "Held back=load_orders SKIPPED");
    assertThat(card.path("body").path(3).path("text").asText()).isEqualTo("Top actions");
    assertThat(card.path("body").path(4).path("text").asText())
        .isEqualTo("1. check [TABLE_OR_VIEW_NOT_FOUND] prod.users");
    assertThat(card.path("actions")).hasSize(3).allSatisfy(action -> {
      assertThat(action.path("type").asText()).isEqualTo("Action.OpenUrl");
      URI url = URI.create(action.path("url").asText());
      assertThat(url.isAbsolute()).isTrue();
      assertThat(url.getScheme()).isEqualTo("https");
    });
    assertThat(StreamSupport.stream(card.path("actions").spliterator(), false)
        .map(action -> action.path("url").asText()))
        .containsExactly("https://adb-1.azuredatabricks.net/run/1", "https://acme.atlassian.net/browse/OPS-42",
            "https://wiki.example.com/runbooks/tables");
  }

  @ParameterizedTest
  @CsvSource({"P1, attention, Attention", "P2, warning, Warning", "P3, accent, Accent", "P4, emphasis, Default"})
  void should_colour_the_heading_by_priority(Priority priority, String style, String color) {
    notifier().notify(notification(priority));

    JsonNode heading = stub.seen().get(0).card().path("body").path(0);
    assertThat(heading.path("style").asText()).isEqualTo(style);
    assertThat(heading.path("items").path(0).path("color").asText()).isEqualTo(color);
  }

  @Test
  void should_leave_out_a_button_whose_link_is_not_absolute_https() {
    Notification plain = notification(Priority.P2);
    Notification local = new Notification(plain.incident(), plain.title(), plain.text(), plain.category(),
        Optional.empty(), Optional.of("http://adb-1/run/1"), List.of());

    notifier().notify(local);

    assertThat(stub.seen().get(0).card().path("actions")).singleElement()
        .satisfies(action -> assertThat(action.path("url").asText())
            .isEqualTo("https://wiki.example.com/runbooks/tables"));
  }

  @Test
  void should_post_to_a_workflows_webhook_when_it_answers_202_with_no_body() {
    TeamsNotifier notifier = TeamsNotifierContractTest.notifier(
        TeamsSettings.of(stub.workflowWebhook("flow-1")), clock);

    NotificationRef ref = notifier.notify(notification(Priority.P2));

    assertThat(ref.channel()).isEqualTo("teams");
    assertThat(stub.seen()).singleElement().satisfies(seen -> {
      assertThat(seen.path()).isEqualTo("/workflows/flow-1/triggers/manual/paths/invoke");
      assertThat(seen.query()).contains("sig");
    });
  }

  @Test
  void should_post_one_follow_up_per_interval_when_the_failure_recurs() {
    Notification notification = notification(Priority.P2);
    TeamsNotifier notifier = notifier();
    NotificationRef ref = notifier.notify(notification);

    notifier.update(ref, recurrence(notification, "2", 2));
    clock.advance(Duration.ofMinutes(61));
    notifier.update(ref, recurrence(notification, "3", 3));
    notifier.update(ref, recurrence(notification, "4", 4));
    clock.advance(Duration.ofMinutes(61));
    notifier.update(ref, recurrence(notification, "5", 5));

    assertThat(stub.seen()).hasSize(3);
    JsonNode followUp = stub.seen().get(1).card();
    assertThat(followUp.path("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(followUp.path("body").path(0).path("items").path(0).path("text").asText())
        .isEqualTo("Again: " + notification.title());
    assertThat(followUp.path("body").path(1).path("text").asText()).contains("3 occurrences");
    assertThat(stub.seen().get(2).card().path("body").path(1).path("text").asText()).contains("5 occurrences");
  }

  @Test
  void should_post_no_follow_up_when_the_interval_is_zero() {
    Notification notification = notification(Priority.P2);
    TeamsNotifier notifier = TeamsNotifierContractTest.notifier(
        TeamsSettings.of(stub.incomingWebhook("alerts")).withFollowUpInterval(Duration.ZERO), clock);
    NotificationRef ref = notifier.notify(notification);
    clock.advance(Duration.ofDays(1));

    notifier.update(ref, recurrence(notification, "2", 2));

    assertThat(stub.seen()).hasSize(1);
  }

  @Test
  void should_post_the_resolution_once_and_nothing_for_other_redraws() {
    Notification notification = notification(Priority.P1);
    TeamsNotifier notifier = notifier();
    NotificationRef ref = notifier.notify(notification);
    Notification resolved = new Notification(notification.incident().withStatus(IncidentStatus.RESOLVED),
        notification.title(), "[TABLE_OR_VIEW_NOT_FOUND] prod.users\nResolved by alice: table restored",
        notification.category(), notification.ticket(), Optional.empty(), List.of());

    notifier.refresh(ref, notification);
    notifier.refresh(ref, resolved);
    notifier.refresh(ref, resolved);

    assertThat(stub.seen()).hasSize(2);
    JsonNode card = stub.seen().get(1).card();
    assertThat(card.path("body").path(0).path("style").asText()).isEqualTo("good");
    assertThat(card.path("body").path(0).path("items").path(0).path("text").asText())
        .isEqualTo("Resolved: " + notification.title());
    assertThat(card.path("body").path(1).path("text").asText()).contains("Resolved by alice: table restored");
  }

  @Test
  void should_post_to_the_route_s_webhook_and_follow_up_there_when_the_route_names_one() {
    String routed = stub.incomingWebhook("payments");
    Notification notification = notification(Priority.P2).withDestinations(new Destinations(Optional.empty(),
        List.of(), Optional.of(new Secret(routed)), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty()));
    TeamsNotifier notifier = notifier();
    NotificationRef ref = notifier.notify(notification);
    clock.advance(Duration.ofHours(2));

    notifier.update(ref, recurrence(notification, "2", 2));

    assertThat(stub.seen()).hasSize(2).allSatisfy(seen -> assertThat(seen.path()).startsWith("/webhookb2/payments"));
  }

  @Test
  void should_retry_when_throttled_then_post() {
    stub.script(new Answer(429, "Microsoft Teams endpoint returned HTTP error 429", Map.of("Retry-After", "1")));

    notifier().notify(notification(Priority.P2));

    assertThat(stub.seen()).hasSize(2);
  }

  @Test
  void should_fail_permanently_without_the_webhook_in_the_message_when_the_webhook_is_gone() {
    stub.script(Answer.text(404, "Webhook not found"));

    assertThatThrownBy(() -> notifier().notify(notification(Priority.P2)))
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("TEAMS_WEBHOOK_URL")
        .hasMessageNotContaining("Zm9vYmFyc2VjcmV0")
        .hasMessageNotContaining("webhookb2");
    assertThat(stub.seen()).hasSize(1);
  }

  @Test
  void should_post_a_storm_summary_once_and_not_redraw_it() {
    TeamsNotifier notifier = notifier();
    StormSummary summary = new StormSummary(Samples.T0, 25, List.of(new StormSummary.Entry(
        notification(Priority.P3).incident().id(), "etl_orders", "[RCA] etl_orders failed", Optional.of("OPS-1"))));

    NotificationRef ref = notifier.postSummary(summary);
    notifier.refreshSummary(ref, new StormSummary(Samples.T0, 40, summary.listed()));

    assertThat(stub.seen()).singleElement().satisfies(seen -> {
      assertThat(seen.card().path("body").path(0).path("items").path(0).path("text").asText())
          .contains("25 new incidents");
      assertThat(seen.card().path("body").path(3).path("text").asText()).isEqualTo("and 24 more");
    });
  }

  @Test
  void should_refuse_a_webhook_that_is_not_https_without_printing_it() {
    assertThatThrownBy(() -> TeamsSettings.of("http://example.webhook.office.com/webhookb2/secretpart"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TEAMS_WEBHOOK_URL")
        .hasMessageNotContaining("secretpart");
    assertThat(TeamsSettings.of("https://example.webhook.office.com/webhookb2/secretpart").toString())
        .doesNotContain("secretpart");
  }
}
