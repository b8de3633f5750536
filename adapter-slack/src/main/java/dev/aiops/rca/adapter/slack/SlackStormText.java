package dev.aiops.rca.adapter.slack;

import dev.aiops.rca.domain.StormSummary;
import java.net.URI;
import java.util.Optional;

/** The text of a storm's summary message: a count, then one line per incident listed, escaped for Slack. */
final class SlackStormText {

  private static final int TITLE_MAX = 120;

  private SlackStormText() {}

  static String of(StormSummary summary, Optional<URI> dashboard) {
    StringBuilder text = new StringBuilder(":rotating_light: *" + summary.count() + " new incidents since "
        + summary.since() + "*: too many at once for a message each, so this one lists them; each has its ticket.");
    String base = dashboard.map(d -> d.toString().replaceAll("/+$", "")).orElse("");
    for (StormSummary.Entry entry : summary.listed()) {
      String title = SlackCard.escape(shorten(entry.title()));
      text.append("\n• ").append(base.isEmpty() ? "#" + entry.incident()
          : "<" + base + "/incidents/" + entry.incident() + "|#" + entry.incident() + ">");
      text.append(' ').append(title);
      entry.ticket().ifPresent(ticket -> text.append(" (").append(SlackCard.escape(ticket)).append(')'));
    }
    if (summary.unlisted() > 0) {
      text.append("\n…and ").append(summary.unlisted()).append(" more")
          .append(base.isEmpty() ? "" : " on <" + base + "/incidents|the dashboard>").append('.');
    }
    return text.toString();
  }

  private static String shorten(String text) {
    return text.length() <= TITLE_MAX ? text : text.substring(0, TITLE_MAX - 1) + "…";
  }
}
