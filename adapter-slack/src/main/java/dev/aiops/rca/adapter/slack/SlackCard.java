package dev.aiops.rca.adapter.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RootCauseAnalysis;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The alert for one incident as it stands: what was notified, and the latest recurrence; rendered as Block Kit.
 *
 * @param notification what was notified
 * @param occurrences how many runs failed this way so far
 * @param latest the latest recurrence, if any
 */
record SlackCard(Notification notification, int occurrences, Optional<Recurrence> latest) {

  private static final int HEADER_MAX = 150;
  private static final int SECTION_MAX = 3000;
  private static final int TOP_ACTIONS = 3;
  private static final int IMPACTED_SHOWN = 10;

  SlackCard {
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(latest, "latest");
  }

  static SlackCard of(Notification notification) {
    return new SlackCard(notification, notification.incident().occurrences(), Optional.empty());
  }

  /** The card after a recurrence; an older recurrence arriving late does not turn the count back. */
  SlackCard recurred(Recurrence recurrence) {
    if (recurrence.occurrences() <= occurrences && latest.isPresent()) {
      return this;
    }
    return new SlackCard(notification, Math.max(occurrences, recurrence.occurrences()), Optional.of(recurrence));
  }

  /** The notification text, shown where blocks cannot be (push notifications, screen readers). */
  String fallbackText() {
    // Mentions notify people only from the message's text, so they lead it.
    return SlackRouting.mentions(notification.destinations().slackMentions()).map(m -> m + " ").orElse("")
        + notification.title() + ": " + notification.text();
  }

  /** The card's blocks, without approval buttons. */
  List<LayoutBlock> blocks(Optional<URI> dashboard) {
    return blocks(dashboard, false);
  }

  /**
   * The card's blocks.
   *
   * @param approvals whether a suggested remediation gets Approve and Decline buttons ({@link SlackApproval})
   */
  List<LayoutBlock> blocks(Optional<URI> dashboard, boolean approvals) {
    RootCauseAnalysis analysis = notification.incident().analysis();
    List<LayoutBlock> blocks = new ArrayList<>();
    String status = notification.incident().status() == IncidentStatus.RESOLVED ? "Resolved: " : "";
    blocks.add(HeaderBlock.builder()
        .text(PlainTextObject.builder().text(shorten(status + notification.incident().jobName() + " failed: "
            + notification.category(), HEADER_MAX)).emoji(false).build())
        .build());
    SlackRouting.mentions(notification.destinations().slackMentions()).ifPresent(m -> blocks.add(section(m)));
    String cause = notification.text().isBlank() ? analysis.summary() : SlackApproval.withoutRemediation(notification);
    blocks.add(section("*Root cause*\n```" + escape(cause).replace("```", "'''") + "```"));
    notification.remediation().ifPresent(outcome -> blocks.addAll(SlackApproval.blocks(outcome, approvals)));
    List<String> impacted = notification.impactedTasks();
    if (!impacted.isEmpty()) {
      StringBuilder text = new StringBuilder("*Impacted tasks* (held back by this failure)");
      impacted.stream().limit(IMPACTED_SHOWN).forEach(t -> text.append("\n• ").append(escape(t)));
      if (impacted.size() > IMPACTED_SHOWN) {
        text.append("\n• … ").append(impacted.size() - IMPACTED_SHOWN).append(" more");
      }
      blocks.add(section(text.toString()));
    }
    List<String> actions = analysis.recommendedActions();
    if (!actions.isEmpty()) {
      StringBuilder text = new StringBuilder("*Top actions*");
      actions.stream().limit(TOP_ACTIONS).forEach(a -> text.append("\n• ").append(escape(a)));
      blocks.add(section(text.toString()));
    }
    StringBuilder facts = new StringBuilder(SlackRouting.badge(notification));
    facts.append("Occurrences: *").append(occurrences).append('*');
    latest.ifPresent(r -> facts.append(" · last run ").append(escape(r.run().toString())).append(" at ")
        .append(r.at()));
    facts.append(" · ").append(escape(analysis.analyzer())).append(", confidence ")
        .append(String.format(Locale.ROOT, "%.2f", analysis.confidence()))
        .append(" · layer ").append(escape(analysis.classification().layer().label()));
    notification.ticket().ifPresent(t -> facts.append(" · ticket ").append(escape(t.key())));
    blocks.add(ContextBlock.builder()
        .elements(List.of(MarkdownTextObject.builder().text(facts.toString()).build()))
        .build());
    List<BlockElement> buttons = new ArrayList<>();
    notification.ticket().filter(t -> isLink(t.url()))
        .ifPresent(t -> buttons.add(button("Ticket " + t.key(), t.url(), "rca_ticket")));
    notification.incident().assignment().runbookUrl().filter(SlackCard::isLink)
        .ifPresent(url -> buttons.add(button("Runbook", url, "rca_runbook")));
    notification.runPageUrl().filter(SlackCard::isLink)
        .ifPresent(url -> buttons.add(button("Run page", url, "rca_run_page")));
    dashboard.ifPresent(d -> buttons.add(button("Dashboard",
        d.toString().replaceAll("/+$", "") + "/incidents/" + notification.incident().id(), "rca_dashboard")));
    if (!buttons.isEmpty()) {
      // The block id changes with the count, so that clients redraw the buttons of an updated message.
      blocks.add(ActionsBlock.builder().blockId("rca-links-" + notification.incident().id() + "-" + occurrences)
          .elements(buttons).build());
    }
    return blocks;
  }

  static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder()
        .text(MarkdownTextObject.builder().text(shorten(mrkdwn, SECTION_MAX)).build())
        .build();
  }

  private static ButtonElement button(String label, String url, String actionId) {
    return ButtonElement.builder()
        .text(PlainTextObject.builder().text(shorten(label, 75)).build())
        .url(url)
        .actionId(actionId)
        .build();
  }

  private static boolean isLink(String url) {
    return url.startsWith("https://") || url.startsWith("http://");
  }

  // mrkdwn reads these three as control characters; Slack asks for them to be escaped as entities.
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
