package dev.aiops.rca.core.routing;

import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Priority;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The routes file: routes tried in order (the first that matches wins), the default route for a failure none
 * matches, and runbook URL templates per category.
 *
 * @param routes the routes, in the order they are tried
 * @param fallback the default route, named {@value Assignment#DEFAULT_ROUTE}
 * @param runbooks a runbook URL template per category, for routes without their own
 */
public record Routes(List<Route> routes, Route fallback, Map<Category, String> runbooks) {

  /** No routes file: every failure goes to the deployment's own destinations. */
  public static final Routes NONE = new Routes(List.of(), Route.fallback(Destinations.DEFAULTS), Map.of());

  public Routes {
    routes = List.copyOf(routes);
    Objects.requireNonNull(fallback, "fallback");
    if (!fallback.name().equals(Assignment.DEFAULT_ROUTE)) {
      throw new IllegalArgumentException("the default route must be named " + Assignment.DEFAULT_ROUTE);
    }
    Set<String> names = new HashSet<>();
    names.add(fallback.name());
    for (Route route : routes) {
      // An incident keeps its route's name, so two routes of one name would send its updates to the wrong one.
      if (!names.add(route.name())) {
        throw new IllegalArgumentException("route name '" + route.name() + "' is used twice");
      }
    }
    runbooks = runbooks.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(runbooks));
    runbooks.values().forEach(Runbooks::check);
  }

  /** The first route matching, else the default route. */
  public Route first(RoutingFacts facts, Optional<String> owner, Priority priority) {
    return routes.stream().filter(route -> route.match().matches(facts, owner, priority)).findFirst()
        .orElse(fallback);
  }

  /** The route of this name, if the file still has it. */
  public Optional<Route> named(String name) {
    if (fallback.name().equals(name)) {
      return Optional.of(fallback);
    }
    return routes.stream().filter(route -> route.name().equals(name)).findFirst();
  }
}
