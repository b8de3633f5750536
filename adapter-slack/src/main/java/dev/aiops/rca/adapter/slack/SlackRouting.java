package dev.aiops.rca.adapter.slack;

import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.Priority;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What on-call routing adds to a card, kept apart from the card's layout: the people to mention, a priority badge
 * (Block Kit blocks carry no colour, so the badge's emoji is the colour), the owner, and the channel.
 */
final class SlackRouting {

  private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,}");
  private static final Pattern GROUP = Pattern.compile("S[A-Z0-9]{2,}");

  private SlackRouting() {}

  /** The channel the route names, else the deployment's {@code SLACK_ALERT_CHANNEL}. */
  static String channel(Notification notification, String configured) {
    return notification.destinations().slackChannel().filter(c -> !c.isBlank()).orElse(configured);
  }

  /**
   * The mentions in Slack's syntax: a user id as {@code <@U…>}, a user group id as {@code <!subteam^S…>},
   * {@code here}/{@code channel}/{@code everyone} as {@code <!here>} …; anything else is dropped, so that a route
   * cannot smuggle markup into the message.
   */
  static Optional<String> mentions(List<String> mentions) {
    StringBuilder text = new StringBuilder();
    for (String raw : mentions) {
      String id = raw.strip().replaceFirst("^@", "");
      String lower = id.toLowerCase(Locale.ROOT);
      String mention;
      if (lower.equals("here") || lower.equals("channel") || lower.equals("everyone")) {
        mention = "<!" + lower + ">";
      } else if (USER.matcher(id).matches()) {
        mention = "<@" + id + ">";
      } else if (GROUP.matcher(id).matches()) {
        mention = "<!subteam^" + id + ">";
      } else {
        continue;
      }
      text.append(text.length() == 0 ? "" : " ").append(mention);
    }
    return text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
  }

  /** The badge before the card's facts: colour, priority and owner, such as {@code :red_circle: *P1* · owner x}. */
  static String badge(Notification notification) {
    Assignment assignment = notification.incident().assignment();
    return colour(assignment.priority()) + " *" + assignment.priority() + "*"
        + assignment.owner().map(owner -> " · owner " + SlackCard.escape(owner)).orElse("") + " · ";
  }

  /** The colour of a priority, as an emoji shortcode: red, orange, yellow, white. */
  static String colour(Priority priority) {
    switch (priority) {
      case P1:
        return ":red_circle:";
      case P2:
        return ":large_orange_circle:";
      case P3:
        return ":large_yellow_circle:";
      default:
        return ":white_circle:";
    }
  }
}
