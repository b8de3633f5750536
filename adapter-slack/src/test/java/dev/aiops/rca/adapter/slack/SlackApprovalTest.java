package dev.aiops.rca.adapter.slack;

import static dev.aiops.rca.adapter.slack.SlackNotifierContractTest.notifier;
import static dev.aiops.rca.adapter.slack.SlackNotifierContractTest.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.NotifierContract;
import dev.aiops.rca.testkit.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The remediation on an incident's card: its own section, and Approve / Decline buttons below a suggestion. */
class SlackApprovalTest {

  private static final String CALL = "REPAIR_FAILED_TASKS of run DATABRICKS:1 (POST /api/2.2/jobs/runs/repair "
      + "{\"run_id\":1,\"rerun_all_failed_tasks\":true}): transient failures are often cured";

  private final SlackStub stub = new SlackStub();
  private final MutableClock clock = new MutableClock(Samples.T0);

  @AfterEach
  void stop() {
    stub.close();
  }

  private static Notification showing(RemediationStatus status, String detail) {
    Notification n = NotifierContract.notification();
    RemediationOutcome outcome = new RemediationOutcome(new RemediationPlan(n.incident().id(),
        RemediationAction.REPAIR_FAILED_TASKS, n.incident().firstRun(), List.of(), "transient"), status, detail,
        Samples.T0, status == RemediationStatus.EXECUTED ? Optional.of(new RunId("77")) : Optional.empty());
    return new Notification(n.incident(), n.title(), n.text() + "\n" + Notification.remediationLine(outcome),
        n.category(), n.ticket(), n.runPageUrl()).withRemediation(outcome);
  }

  private JsonArray postedBlocks() {
    return JsonParser.parseString(stub.seen("chat.postMessage").get(0).form().get("blocks")).getAsJsonArray();
  }

  /** The buttons that act (the link buttons to the ticket, the run and the dashboard left out). */
  private static List<JsonObject> buttons(JsonArray blocks) {
    List<JsonObject> buttons = new ArrayList<>();
    for (JsonElement block : blocks) {
      if (block.getAsJsonObject().get("type").getAsString().equals("actions")) {
        block.getAsJsonObject().getAsJsonArray("elements").forEach(e -> {
          if (!e.getAsJsonObject().has("url")) {
            buttons.add(e.getAsJsonObject());
          }
        });
      }
    }
    return buttons;
  }

  @Test
  void should_show_the_suggestion_apart_with_approve_and_decline_buttons_when_approvals_are_on() {
    notifier(stub, settings(stub).withApprovalButtons(true), clock)
        .notify(showing(RemediationStatus.SUGGESTED, CALL));

    JsonArray blocks = postedBlocks();
    assertThat(blocks.get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
        .isEqualTo("*Root cause*\n```[TABLE_OR_VIEW_NOT_FOUND] prod.users```");
    assertThat(blocks.get(2).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
        .startsWith("*Remediation suggested*\nREPAIR_FAILED_TASKS of run DATABRICKS:1 (POST /api/2.2/jobs/runs/repair")
        .contains("approve or decline here");
    List<JsonObject> buttons = buttons(blocks);
    assertThat(buttons).extracting(b -> b.get("action_id").getAsString())
        .containsExactly(SlackApproval.APPROVE, SlackApproval.DECLINE);
    assertThat(buttons).extracting(b -> b.get("value").getAsString())
        .containsOnly("1/REPAIR_FAILED_TASKS/DATABRICKS:1");
    assertThat(buttons).extracting(b -> b.get("style").getAsString()).containsExactly("primary", "danger");
    JsonObject confirm = buttons.get(0).getAsJsonObject("confirm");
    assertThat(confirm.getAsJsonObject("text").get("text").getAsString())
        .isEqualTo("This runs now, on the platform: " + CALL);
    assertThat(confirm.getAsJsonObject("confirm").get("text").getAsString()).isEqualTo("Run it");
    assertThat(stub.seen("chat.postMessage").get(0).form().get("text")).contains("Remediation suggested: ");
  }

  @Test
  void should_show_the_suggestion_without_buttons_when_approvals_are_off() {
    notifier(stub, settings(stub), clock).notify(showing(RemediationStatus.SUGGESTED, CALL));

    JsonArray blocks = postedBlocks();
    assertThat(blocks.get(2).toString()).contains("*Remediation suggested*", "on the dashboard");
    assertThat(buttons(blocks)).isEmpty();
    assertThat(blocks.get(1).toString()).doesNotContain("Remediation");
  }

  @Test
  void should_redraw_the_card_with_the_outcome_and_no_buttons_when_the_suggestion_is_decided() {
    SlackNotifier notifier = notifier(stub, settings(stub).withApprovalButtons(true), clock);
    NotificationRef ref = notifier.notify(showing(RemediationStatus.SUGGESTED, CALL));

    notifier.refresh(ref, showing(RemediationStatus.EXECUTED, "approved by slack:U0APPROVER (alice); run 77"));

    String update = stub.seen("chat.update").get(0).form().get("blocks");
    assertThat(update).contains("*Remediation executed*", "approved by slack:U0APPROVER (alice); run 77")
        .doesNotContain(SlackApproval.APPROVE, SlackApproval.DECLINE);
  }

  @Test
  void should_leave_a_text_alone_when_it_does_not_end_with_the_remediation_line() {
    Notification shown = showing(RemediationStatus.SUGGESTED, CALL);
    Notification edited = new Notification(shown.incident(), shown.title(), "something else", shown.category(),
        shown.ticket(), shown.runPageUrl()).withRemediation(shown.remediation().orElseThrow());

    assertThat(SlackApproval.withoutRemediation(edited)).isEqualTo("something else");
    assertThat(SlackApproval.withoutRemediation(shown)).isEqualTo("[TABLE_OR_VIEW_NOT_FOUND] prod.users");
  }
}
