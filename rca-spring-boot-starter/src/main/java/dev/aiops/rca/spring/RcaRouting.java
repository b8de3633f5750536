package dev.aiops.rca.spring;

import dev.aiops.rca.assistant.routing.InvalidRoutesFileException;
import dev.aiops.rca.assistant.routing.RoutesFile;
import dev.aiops.rca.core.routing.PriorityMatrix;
import dev.aiops.rca.core.routing.Routes;
import dev.aiops.rca.core.routing.RoutingService;
import dev.aiops.rca.core.routing.RoutingSettings;
import dev.aiops.rca.core.routing.Runbooks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * On-call routing from {@code rca.*}: the routes file ({@code rca.routes-file}, YAML or JSON, read as the service
 * reads {@code RCA_ROUTES_FILE}) and the owner, SLA, recurrence and runbook settings, in the service's words.
 *
 * @param settings the owner, SLA, recurrence and runbook settings
 * @param routes the routes in the file; {@link Routes#NONE} without one
 * @param file the routes file, if one is set
 */
public record RcaRouting(RoutingSettings settings, Routes routes, Optional<Path> file) {

  public RcaRouting {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(routes, "routes");
    Objects.requireNonNull(file, "file");
  }

  /** The service that decides with these routes and settings. */
  public RoutingService service() {
    return new RoutingService(routes, settings);
  }

  /**
   * Reads the routing properties, adding each problem (the file's with its line) to {@code problems}.
   *
   * @param environment where a {@code ${NAME}} in the routes file is looked up (the application's environment)
   */
  static RcaRouting read(RcaProperties p, Function<String, Optional<String>> environment, List<String> problems) {
    List<String> owners = p.getOwnerTagKeys() == null ? List.of() : p.getOwnerTagKeys().stream()
        .filter(Objects::nonNull).map(String::strip).filter(k -> !k.isEmpty()).toList();
    if (owners.isEmpty()) {
      problems.add("rca.owner-tag-keys must name at least one tag, such as owner,team");
      owners = RoutingSettings.DEFAULT_OWNER_TAG_KEYS;
    }
    String slaKey = text(p.getSlaTagKey()).orElse(RoutingSettings.DEFAULT_SLA_TAG_KEY);
    Map<String, Integer> tiers = RoutingSettings.parseSlaTiers("rca.sla-tiers", text(p.getSlaTiers()), problems);
    int recurrence = p.getPriorityRecurrence();
    if (recurrence < 2 || recurrence > 1000) {
      problems.add("rca.priority-recurrence must be a number from 2 to 1000, was '" + recurrence + "'");
      recurrence = PriorityMatrix.DEFAULT_RECURRENCE_THRESHOLD;
    }
    Optional<String> runbook = text(p.getRunbookUrl());
    try {
      runbook.ifPresent(Runbooks::check);
    } catch (IllegalArgumentException e) {
      problems.add("rca.runbook-url: " + e.getMessage());
      runbook = Optional.empty();
    }
    Optional<Path> file = text(p.getRoutesFile()).map(Path::of);
    Routes routes = Routes.NONE;
    if (file.isPresent()) {
      try {
        routes = RoutesFile.read(file.get(), environment);
      } catch (InvalidRoutesFileException e) {
        e.problems().forEach(problem -> problems.add("rca.routes-file " + problem));
      }
    }
    return new RcaRouting(new RoutingSettings(owners, slaKey, tiers, recurrence, runbook), routes, file);
  }

  private static Optional<String> text(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }
}
