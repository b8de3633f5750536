package dev.aiops.rca.core.routing;

import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Priority;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the routes file: what it matches and where a matched failure goes.
 *
 * @param name its name, kept with each incident it routes (so unique in a file)
 * @param match what it matches
 * @param destinations where its incidents' messages and tickets go
 * @param runbook a runbook URL template for its incidents ({@code {job}}, {@code {task}}, {@code {category}}), if
 *     it has its own
 * @param floor the lowest priority its incidents get, if it sets one (a route for a critical job)
 */
public record Route(String name, RouteMatch match, Destinations destinations, Optional<String> runbook,
    Optional<Priority> floor) {

  public Route {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(destinations, "destinations");
    Objects.requireNonNull(runbook, "runbook");
    runbook.ifPresent(Runbooks::check);
    Objects.requireNonNull(floor, "floor");
  }

  /** A route to {@code destinations} for every failure, with no runbook or floor of its own. */
  public static Route fallback(Destinations destinations) {
    return new Route(dev.aiops.rca.domain.Assignment.DEFAULT_ROUTE, RouteMatch.ANY, destinations, Optional.empty(),
        Optional.empty());
  }
}
