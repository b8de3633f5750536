package dev.aiops.rca.app.config;

import dev.aiops.rca.assistant.routing.InvalidRoutesFileException;
import dev.aiops.rca.assistant.routing.RoutesFile;
import dev.aiops.rca.core.routing.PriorityMatrix;
import dev.aiops.rca.core.routing.Route;
import dev.aiops.rca.core.routing.Routes;
import dev.aiops.rca.core.routing.RoutingService;
import dev.aiops.rca.core.routing.RoutingSettings;
import dev.aiops.rca.core.routing.Runbooks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * On-call routing as configured: the routes file ({@code RCA_ROUTES_FILE}) and the settings that decide owner,
 * SLA tier, recurrence and runbook ({@code RCA_OWNER_TAG_KEYS}, {@code RCA_SLA_TAG_KEY}, {@code RCA_SLA_TIERS},
 * {@code RCA_PRIORITY_RECURRENCE}, {@code RCA_RUNBOOK_URL}).
 *
 * @param settings the owner, SLA, recurrence and runbook settings
 * @param routes the routes read from the file; {@link Routes#NONE} without one
 * @param file the routes file, if one is set
 */
public record RoutingConfig(RoutingSettings settings, Routes routes, Optional<Path> file) {

  public RoutingConfig {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(routes, "routes");
    Objects.requireNonNull(file, "file");
  }

  /** No routes file and the default settings. */
  public static RoutingConfig defaults() {
    return new RoutingConfig(RoutingSettings.defaults(), Routes.NONE, Optional.empty());
  }

  /** The service that decides with these routes and settings. */
  public RoutingService service() {
    return new RoutingService(routes, settings);
  }

  /** Reads the settings and the routes file, adding every problem (with the file's line numbers) to problems. */
  static RoutingConfig read(ConfigSource source, SettingsReader reader, List<String> problems) {
    List<String> owners = reader.list("RCA_OWNER_TAG_KEYS", RoutingSettings.DEFAULT_OWNER_TAG_KEYS);
    String slaKey = source.get("RCA_SLA_TAG_KEY").map(String::strip).filter(k -> !k.isEmpty())
        .orElse(RoutingSettings.DEFAULT_SLA_TAG_KEY);
    Map<String, Integer> tiers = RoutingSettings.parseSlaTiers("RCA_SLA_TIERS", source.get("RCA_SLA_TIERS"), problems);
    int recurrence = reader.number("RCA_PRIORITY_RECURRENCE", PriorityMatrix.DEFAULT_RECURRENCE_THRESHOLD, 2, 1000);
    Optional<String> runbook = source.get("RCA_RUNBOOK_URL").map(String::strip).filter(u -> !u.isEmpty());
    try {
      runbook.ifPresent(Runbooks::check);
    } catch (IllegalArgumentException e) {
      problems.add("RCA_RUNBOOK_URL: " + e.getMessage());
      runbook = Optional.empty();
    }
    Optional<Path> file = source.get("RCA_ROUTES_FILE").map(String::strip).filter(f -> !f.isEmpty()).map(Path::of);
    Routes routes = Routes.NONE;
    if (file.isPresent()) {
      try {
        routes = RoutesFile.read(file.get(), source::get);
      } catch (InvalidRoutesFileException e) {
        e.problems().forEach(p -> problems.add("RCA_ROUTES_FILE " + p));
      }
    }
    if (owners.isEmpty()) {
      problems.add("RCA_OWNER_TAG_KEYS must name at least one tag, such as owner,team");
      owners = RoutingSettings.DEFAULT_OWNER_TAG_KEYS;
    }
    return new RoutingConfig(new RoutingSettings(owners, slaKey, tiers, recurrence, runbook), routes, file);
  }

  /** The settings as lines for the start-up log; no destination, so no secret. */
  List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("RCA_ROUTES_FILE=" + file.map(f -> f + " (" + routes.routes().size() + " route(s) and the default)")
        .orElse("(not set: every incident to the default destinations)"));
    lines.add("routes: " + String.join(", ", routes.routes().stream().map(Route::name).toList())
        + (routes.routes().isEmpty() ? "(none)" : ""));
    lines.add("RCA_OWNER_TAG_KEYS=" + String.join(",", settings.ownerTagKeys()));
    lines.add("RCA_SLA_TAG_KEY=" + settings.slaTagKey() + ", RCA_SLA_TIERS=" + settings.slaTiers());
    lines.add("RCA_PRIORITY_RECURRENCE=" + settings.recurrenceThreshold());
    lines.add("RCA_RUNBOOK_URL=" + settings.runbookUrl().orElse("(not set)"));
    return lines;
  }
}
