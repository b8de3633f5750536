package dev.aiops.rca.adapter.slack;

import static dev.aiops.rca.adapter.slack.SlackNotifierContractTest.notifier;
import static dev.aiops.rca.adapter.slack.SlackNotifierContractTest.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.NotifierContract;
import dev.aiops.rca.testkit.Samples;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a route and a priority change on the Slack card: channel, mentions, badge, owner and runbook button. */
class SlackRoutingTest {

  private final SlackStub stub = new SlackStub();

  @AfterEach
  void stop() {
    stub.close();
  }

  private static Notification routed(Optional<String> channel, List<String> mentions, Priority priority) {
    Notification n = NotifierContract.notification();
    Assignment assignment = new Assignment("sales", Optional.of("team-sales"), priority,
        Optional.of("https://wiki.example/rb/TABLE_OR_VIEW_NOT_FOUND?job=etl_orders"));
    Destinations to = new Destinations(channel, mentions, Optional.empty(), Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    return new Notification(n.incident().withAssignment(assignment), n.title(), n.text(), n.category(), n.ticket(),
        n.runPageUrl(), n.impactedTasks(), to);
  }

  @Test
  void should_post_to_the_routes_channel_and_mention_its_people_when_routed() {
    notifier(stub, settings(stub), new MutableClock(Samples.T0))
        .notify(routed(Optional.of("#sales-oncall"), List.of("U024BE7LH", "S0614TZR7", "here", "<!everyone>"),
            Priority.P1));

    SlackStub.Seen post = stub.seen("chat.postMessage").get(0);
    assertThat(post.form()).containsEntry("channel", "#sales-oncall");
    assertThat(post.form().get("text")).startsWith("<@U024BE7LH> <!subteam^S0614TZR7> <!here> [RCA] etl_orders");
    JsonArray blocks = JsonParser.parseString(post.form().get("blocks")).getAsJsonArray();
    assertThat(blocks.get(1).toString()).contains("<@U024BE7LH> <!subteam^S0614TZR7> <!here>")
        .doesNotContain("everyone");
    assertThat(blocks.toString()).contains(":red_circle: *P1* · owner team-sales · Occurrences: *1*",
        "\"action_id\":\"rca_runbook\"", "https://wiki.example/rb/TABLE_OR_VIEW_NOT_FOUND?job=etl_orders");
  }

  @Test
  void should_post_to_the_configured_channel_without_mentions_when_the_route_names_none() {
    notifier(stub, settings(stub), new MutableClock(Samples.T0))
        .notify(routed(Optional.empty(), List.of(), Priority.P4));

    SlackStub.Seen post = stub.seen("chat.postMessage").get(0);
    assertThat(post.form()).containsEntry("channel", "#data-alerts");
    assertThat(post.form().get("text")).startsWith("[RCA] etl_orders");
    assertThat(post.form().get("blocks")).contains(":white_circle: *P4*").doesNotContain("<@");
  }

  @Test
  void should_give_each_priority_its_own_colour() {
    assertThat(List.of(Priority.values())).extracting(SlackRouting::colour).doesNotHaveDuplicates()
        .first().isEqualTo(":red_circle:");
  }
}
