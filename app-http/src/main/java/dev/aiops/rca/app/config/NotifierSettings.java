package dev.aiops.rca.app.config;

import dev.aiops.rca.adapter.pagerduty.PagerDutySettings;
import dev.aiops.rca.adapter.teams.TeamsSettings;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which notifiers tell people of incidents ({@code RCA_NOTIFIERS}), and how Teams and PagerDuty are reached.
 *
 * @param chosen the notifiers in order, the first the primary (its message is the incident's own); by default
 *     every configured one in the order of {@link #NAMES}, or {@code log} when none is
 * @param teams {@code TEAMS_WEBHOOK_URL} with {@code TEAMS_FOLLOWUP_INTERVAL}
 * @param pagerDuty {@code PAGERDUTY_ROUTING_KEY} with {@code PAGERDUTY_EVENTS_URL} and {@code PAGERDUTY_MIN_PRIORITY}
 */
public record NotifierSettings(List<String> chosen, Optional<TeamsSettings> teams,
    Optional<PagerDutySettings> pagerDuty) {

  /** Every notifier this build knows, in the order they are chosen by default. */
  public static final List<String> NAMES = List.of("slack", "teams", "pagerduty", "email", "log");

  /** The settings each notifier needs, for the message when {@code RCA_NOTIFIERS} names one not configured. */
  private static final Map<String, String> NEEDS = Map.of(
      "slack", "SLACK_BOT_TOKEN and SLACK_ALERT_CHANNEL",
      "teams", "TEAMS_WEBHOOK_URL",
      "pagerduty", "PAGERDUTY_ROUTING_KEY",
      "email", "the e-mail settings");

  public NotifierSettings {
    chosen = List.copyOf(chosen);
    if (chosen.isEmpty() || !NAMES.containsAll(chosen) || Set.copyOf(chosen).size() != chosen.size()) {
      throw new IllegalArgumentException("chosen must name notifiers of " + NAMES + " once each, was " + chosen);
    }
    Objects.requireNonNull(teams, "teams");
    Objects.requireNonNull(pagerDuty, "pagerDuty");
    if (chosen.contains("teams") && teams.isEmpty() || chosen.contains("pagerduty") && pagerDuty.isEmpty()) {
      throw new IllegalArgumentException("a chosen notifier is not configured: " + chosen);
    }
  }

  /** The service log alone, as when nothing is configured. */
  public static NotifierSettings logOnly() {
    return new NotifierSettings(List.of("log"), Optional.empty(), Optional.empty());
  }

  /**
   * Reads Teams, PagerDuty and {@code RCA_NOTIFIERS}.
   *
   * @param configuredElsewhere the notifiers whose settings are read elsewhere and are present ({@code slack},
   *     {@code email})
   */
  static NotifierSettings read(SettingsReader settings, Optional<URI> dashboard, Set<String> configuredElsewhere) {
    Optional<TeamsSettings> teams = teams(settings);
    Optional<PagerDutySettings> pagerDuty = pagerDuty(settings, dashboard);
    List<String> configured = new ArrayList<>();
    for (String name : NAMES) {
      if (configuredElsewhere.contains(name) || name.equals("teams") && teams.isPresent()
          || name.equals("pagerduty") && pagerDuty.isPresent()) {
        configured.add(name);
      }
    }
    List<String> chosen = settings.list("RCA_NOTIFIERS", configured).stream()
        .map(name -> name.toLowerCase(Locale.ROOT)).distinct().toList();
    List<String> usable = new ArrayList<>();
    for (String name : chosen) {
      if (!NAMES.contains(name)) {
        settings.problem("RCA_NOTIFIERS must list notifiers of " + NAMES + ", was '" + name + "'");
      } else if (!name.equals("log") && !configured.contains(name)) {
        settings.problem("RCA_NOTIFIERS names " + name + ", which is not configured: set " + NEEDS.get(name));
      } else {
        usable.add(name);
      }
    }
    return new NotifierSettings(usable.isEmpty() ? List.of("log") : usable, teams, pagerDuty);
  }

  private static Optional<TeamsSettings> teams(SettingsReader settings) {
    Duration interval = settings.interval("TEAMS_FOLLOWUP_INTERVAL", TeamsSettings.DEFAULT_FOLLOW_UP_INTERVAL);
    Optional<String> webhook = settings.get("TEAMS_WEBHOOK_URL"); // not url(): its message would show the secret
    if (webhook.isEmpty()) {
      return Optional.empty();
    }
    return settings.build("TEAMS_* settings",
        () -> new TeamsSettings(new Secret(webhook.get()), interval, TeamsSettings.DEFAULT_RETRY));
  }

  private static Optional<PagerDutySettings> pagerDuty(SettingsReader settings, Optional<URI> dashboard) {
    Optional<URI> events = settings.url("PAGERDUTY_EVENTS_URL");
    Optional<Priority> least = settings.choice("PAGERDUTY_MIN_PRIORITY", Priority.class, Priority::name);
    Optional<String> key = settings.get("PAGERDUTY_ROUTING_KEY");
    if (key.isEmpty()) {
      if (events.isPresent() || least.isPresent()) {
        settings.required("PAGERDUTY_ROUTING_KEY", "PAGERDUTY_EVENTS_URL or PAGERDUTY_MIN_PRIORITY is set");
      }
      return Optional.empty();
    }
    return settings.build("PAGERDUTY_* settings", () -> {
      PagerDutySettings pagerDuty = PagerDutySettings.of(key.get().strip());
      pagerDuty = events.map(pagerDuty::withEventsUrl).orElse(pagerDuty);
      pagerDuty = least.map(pagerDuty::withMinPriority).orElse(pagerDuty);
      return dashboard.map(url -> url.toString()).map(pagerDuty::withClientUrl).orElse(pagerDuty);
    });
  }

  /** One line for the start-up log, secrets masked. */
  String describe() {
    List<String> parts = new ArrayList<>();
    for (String name : chosen) {
      switch (name) {
        case "teams":
          parts.add("teams (a follow-up every " + teams.orElseThrow().followUpInterval().toMinutes()
              + " min at most)");
          break;
        case "pagerduty":
          parts.add("pagerduty (pages " + pagerDuty.orElseThrow().minPriority() + " and above)");
          break;
        default:
          parts.add(name);
      }
    }
    return "notifiers: " + String.join(", ", parts) + (chosen.size() > 1 ? "; the first is primary" : "");
  }
}
