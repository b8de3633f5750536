package dev.aiops.rca.adapter.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.users.UsersInfoRequest;
import com.slack.api.methods.response.users.UsersInfoResponse;
import dev.aiops.rca.port.PortException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks up a Slack user's e-mail address ({@code users.info}), so that approvers can be listed by e-mail. The bot
 * token needs the {@code users:read} and {@code users:read.email} scopes; without the second, Slack leaves the
 * address out and nobody listed by e-mail is recognised. Thread-safe.
 */
public final class SlackDirectory {

  private final MethodsClient methods;

  SlackDirectory(SlackSettings settings, Slack slack) {
    this.methods = Objects.requireNonNull(slack, "slack").methods(settings.botToken());
  }

  /** A directory of the configured workspace through slack-api-client. */
  public static SlackDirectory create(SlackSettings settings) {
    return new SlackDirectory(settings, SlackNotifier.slack(settings));
  }

  /**
   * The user's e-mail address in lower case; empty when Slack knows no such user or does not show the address
   * (a bot, or a token without {@code users:read.email}).
   *
   * @throws PortException when Slack cannot be asked or refuses the token
   */
  public Optional<String> email(String userId) {
    Objects.requireNonNull(userId, "userId");
    UsersInfoResponse response = SlackNotifier.call("look up a user",
        () -> methods.usersInfo(UsersInfoRequest.builder().user(userId).build()));
    if (!response.isOk()) {
      if ("user_not_found".equals(response.getError()) || "users_not_found".equals(response.getError())) {
        return Optional.empty();
      }
      throw SlackErrors.fromError("look up a user", response.getError(), response.getNeeded());
    }
    return Optional.ofNullable(response.getUser()).map(u -> u.getProfile()).map(p -> p.getEmail())
        .filter(e -> !e.isBlank()).map(e -> e.strip().toLowerCase(Locale.ROOT));
  }
}
