package dev.aiops.rca.adapter.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The remediation part of an incident's card: what was suggested, or what became of it, in a section of its own;
 * below a suggestion, Approve and Decline buttons when approvals from Slack are on. Slack sends a press to the
 * service's {@code POST /slack/interactions}, which reads the button's value as {@link #value} writes it.
 */
final class SlackApproval {

  /** The {@code action_id} of the Approve button. */
  static final String APPROVE = "rca_approve";
  /** The {@code action_id} of the Decline button. */
  static final String DECLINE = "rca_decline";

  // Slack's limits: 300 characters for a confirm dialog's text, 100 for its title, 30 for its buttons' labels.
  private static final int CONFIRM_TEXT_MAX = 300;

  private SlackApproval() {}

  /** The notification's text without the remediation line that ends it, which the card shows apart. */
  static String withoutRemediation(Notification notification) {
    String text = notification.text();
    String line = notification.remediation().map(o -> "\n" + Notification.remediationLine(o)).orElse("");
    return !line.isEmpty() && text.endsWith(line) ? text.substring(0, text.length() - line.length()) : text;
  }

  /** The section that tells the remediation, and the buttons below a suggestion when {@code approvals}. */
  static List<LayoutBlock> blocks(RemediationOutcome outcome, boolean approvals) {
    List<LayoutBlock> blocks = new ArrayList<>();
    boolean pending = outcome.status() == RemediationStatus.SUGGESTED;
    String heading = "*Remediation " + outcome.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "*";
    String footer = pending ? (approvals ? "\n_Waiting for an approver: approve or decline here or on the dashboard._"
        : "\n_Waiting for an approver on the dashboard._") : "";
    blocks.add(SlackCard.section(heading + "\n" + SlackCard.escape(outcome.detail()) + footer));
    if (pending && approvals) {
      RemediationPlan plan = outcome.plan();
      List<BlockElement> buttons = List.of(
          button("Approve", APPROVE, "primary", plan, "Run this remediation?", "Run it",
              "This runs now, on the platform: " + outcome.detail()),
          button("Decline", DECLINE, "danger", plan, "Decline this remediation?", "Decline",
              "Nothing runs; the incident stays open: " + outcome.detail()));
      // One block id per plan, so that a client redraws the buttons when another plan is suggested.
      blocks.add(ActionsBlock.builder().blockId(SlackCard.shorten("rca-remediation-" + value(plan), 255))
          .elements(buttons).build());
    }
    return blocks;
  }

  /**
   * What a button carries: {@code <incident>/<action>/<run>}, such as {@code 42/REPAIR_FAILED_TASKS/DATABRICKS:7}.
   * The run names the plan, so that a button left on an older drawing of the card cannot approve a later plan.
   */
  static String value(RemediationPlan plan) {
    return plan.incident() + "/" + plan.action().name() + "/" + plan.target();
  }

  private static ButtonElement button(String label, String actionId, String style, RemediationPlan plan,
      String question, String yes, String detail) {
    return ButtonElement.builder()
        .text(PlainTextObject.builder().text(label).build())
        .actionId(actionId)
        .value(value(plan))
        .style(style)
        .confirm(ConfirmationDialogObject.builder()
            .title(PlainTextObject.builder().text(question).build())
            .text(PlainTextObject.builder().text(SlackCard.shorten(detail, CONFIRM_TEXT_MAX)).build())
            .confirm(PlainTextObject.builder().text(yes).build())
            .deny(PlainTextObject.builder().text("Cancel").build())
            .style(style)
            .build())
        .build();
  }
}
