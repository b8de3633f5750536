package dev.aiops.rca.adapter.slack;

import static dev.aiops.rca.adapter.slack.SlackNotifierContractTest.notifier;
import static dev.aiops.rca.adapter.slack.SlackNotifierContractTest.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.NotifierContract;
import dev.aiops.rca.testkit.Samples;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the notifier sends Slack, and how it keeps a channel quiet while a failure recurs. */
class SlackNotifierTest {

  private final SlackStub stub = new SlackStub();
  private final MutableClock clock = new MutableClock(Samples.T0);

  @AfterEach
  void stop() {
    stub.close();
  }

  private static Notification withTicket() {
    Notification n = NotifierContract.notification();
    return new Notification(n.incident(), n.title(), n.text(), n.category(),
        Optional.of(new TicketRef("jira", "OPS-7", "https://acme.atlassian.net/browse/OPS-7")), n.runPageUrl());
  }

  private static Recurrence recurrence(Notification n, int occurrences) {
    return new Recurrence(n.incident().id(), RunKey.of(Source.DATABRICKS, "r" + occurrences), occurrences,
        Samples.T0.plusSeconds(occurrences));
  }

  @Test
  void should_post_a_block_kit_card_with_a_bot_token_when_notifying() throws IOException {
    SlackNotifier notifier = notifier(stub, settings(stub).withDashboardUrl(URI.create("https://rca.acme.example")),
        clock);

    NotificationRef ref = notifier.notify(withTicket());

    assertThat(ref.channel()).isEqualTo(SlackStub.CHANNEL_ID);
    assertThat(stub.seen()).extracting(SlackStub.Seen::method).containsExactly("chat.postMessage");
    SlackStub.Seen post = stub.seen("chat.postMessage").get(0);
    assertThat(post.headers().get("authorization")).isEqualTo("Bearer xoxb-test-secret");
    assertThat(post.form()).containsEntry("channel", "#data-alerts").doesNotContainKey("thread_ts");
    assertThat(post.form().get("text")).contains("etl_orders failed: TABLE_OR_VIEW_NOT_FOUND");
    JsonArray blocks = JsonParser.parseString(post.form().get("blocks")).getAsJsonArray();
    assertThat(types(blocks)).containsExactly("header", "section", "section", "context", "actions");
    assertThat(blocks.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
        .isEqualTo("etl_orders failed: TABLE_OR_VIEW_NOT_FOUND");
    assertThat(blocks.get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
        .isEqualTo("*Root cause*\n```[TABLE_OR_VIEW_NOT_FOUND] prod.users```");
    assertThat(blocks.get(2).toString()).contains("• check [TABLE_OR_VIEW_NOT_FOUND] prod.users");
    assertThat(blocks.get(3).toString())
        .contains("Occurrences: *1*", "rules, confidence 0.80 · layer 2 · ticket OPS-7");
    List<String> urls = new ArrayList<>();
    blocks.get(4).getAsJsonObject().getAsJsonArray("elements").forEach(e -> {
      assertThat(e.getAsJsonObject().get("type").getAsString()).isEqualTo("button");
      urls.add(e.getAsJsonObject().get("url").getAsString());
    });
    assertThat(urls).containsExactly("https://acme.atlassian.net/browse/OPS-7", "https://adb-1/run/1",
        "https://rca.acme.example/incidents/1");

    Path examples = Path.of("..", "docs", "examples");
    Files.createDirectories(examples);
    Files.writeString(examples.resolve("slack-blocks.json"),
        new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(blocks) + "\n");
  }

  @Test
  void should_update_five_times_but_reply_once_when_five_recurrences_fall_within_the_interval() {
    SlackNotifier notifier = notifier(stub, settings(stub), clock);
    Notification n = withTicket();
    NotificationRef ref = notifier.notify(n);

    for (int occurrences = 2; occurrences <= 6; occurrences++) {
      clock.advance(Duration.ofMinutes(5));
      notifier.update(ref, recurrence(n, occurrences));
    }

    List<SlackStub.Seen> updates = stub.seen("chat.update");
    assertThat(updates).hasSize(5);
    assertThat(updates.get(4).form()).containsEntry("channel", ref.channel()).containsEntry("ts", ref.messageId());
    assertThat(updates.get(4).form().get("blocks")).contains("Occurrences: *6*", "last run DATABRICKS:r6");
    List<SlackStub.Seen> posts = stub.seen("chat.postMessage");
    assertThat(posts).hasSize(2);
    assertThat(posts.get(1).form()).containsEntry("thread_ts", ref.messageId());
    assertThat(posts.get(1).form().get("text")).contains("occurrence 2");
  }

  @Test
  void should_reply_again_when_the_interval_has_passed() {
    SlackNotifier notifier = notifier(stub, settings(stub).withThreadInterval(Duration.ofHours(1)), clock);
    Notification n = withTicket();
    NotificationRef ref = notifier.notify(n);

    notifier.update(ref, recurrence(n, 2));
    clock.advance(Duration.ofMinutes(59));
    notifier.update(ref, recurrence(n, 3));
    clock.advance(Duration.ofMinutes(1));
    notifier.update(ref, recurrence(n, 4));

    assertThat(stub.seen("chat.postMessage")).filteredOn(s -> s.form().containsKey("thread_ts")).hasSize(2);
  }

  @Test
  void should_reply_once_when_recurrences_arrive_on_many_threads_at_once() throws Exception {
    SlackNotifier notifier = notifier(stub, settings(stub), clock);
    Notification n = withTicket();
    NotificationRef ref = notifier.notify(n);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int occurrences = 2; occurrences < 18; occurrences++) {
        int count = occurrences;
        calls.add(pool.submit(() -> notifier.update(ref, recurrence(n, count))));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(stub.seen("chat.update")).hasSize(16);
    assertThat(stub.seen("chat.postMessage")).filteredOn(s -> s.form().containsKey("thread_ts")).hasSize(1);
  }

  @Test
  void should_only_reply_in_the_thread_when_the_message_is_not_known_since_the_start() {
    SlackNotifier notifier = notifier(stub, settings(stub), clock);
    Notification n = withTicket();

    notifier.update(new NotificationRef(SlackStub.CHANNEL_ID, "1699999999.000001"), recurrence(n, 2));

    assertThat(stub.seen("chat.update")).isEmpty();
    assertThat(stub.seen("chat.postMessage").get(0).form()).containsEntry("thread_ts", "1699999999.000001");
  }

  @Test
  void should_escape_mrkdwn_control_characters_in_the_root_cause() {
    Notification n = NotifierContract.notification();
    Notification risky = new Notification(n.incident(), n.title(), "a < b && c > d", n.category(), n.ticket(),
        n.runPageUrl());

    notifier(stub, settings(stub), clock).notify(risky);

    JsonArray blocks = JsonParser.parseString(stub.seen("chat.postMessage").get(0).form().get("blocks"))
        .getAsJsonArray();
    assertThat(blocks.get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
        .contains("a &lt; b &amp;&amp; c &gt; d");
  }

  @Test
  void should_list_the_tasks_the_failure_held_back_below_the_root_cause() {
    Notification held = withTicket().withImpactedTasks(List.of("publish UPSTREAM_FAILED", "notify <team> SKIPPED"));

    notifier(stub, settings(stub), clock).notify(held);

    JsonArray blocks = JsonParser.parseString(stub.seen("chat.postMessage").get(0).form().get("blocks"))
        .getAsJsonArray();
    assertThat(types(blocks)).containsExactly("header", "section", "section", "section", "context", "actions");
    assertThat(blocks.get(2).getAsJsonObject().getAsJsonObject("text").get("text").getAsString()).isEqualTo(
        "*Impacted tasks* (held back by this failure)\n• publish UPSTREAM_FAILED\n• notify &lt;team&gt; SKIPPED");
  }

  private static List<String> types(JsonArray blocks) {
    List<String> types = new ArrayList<>();
    for (JsonElement block : blocks) {
      types.add(((JsonObject) block).get("type").getAsString());
    }
    return types;
  }
}
