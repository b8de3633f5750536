package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.domain.NotificationRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Links to a Slack message from its channel and {@code ts}, when the workspace URL is configured. */
final class SlackLinks {

  private SlackLinks() {}

  static Optional<String> messageUrl(Optional<String> workspaceUrl, NotificationRef ref) {
    if (workspaceUrl.isEmpty() || !ref.messageId().matches("\\d+\\.\\d+")) {
      return Optional.empty();
    }
    // Slack's permalink form: /archives/<channel>/p<ts without the dot>.
    return Optional.of(workspaceUrl.get() + "/archives/" + URLEncoder.encode(ref.channel(), StandardCharsets.UTF_8)
        + "/p" + ref.messageId().replace(".", ""));
  }
}
