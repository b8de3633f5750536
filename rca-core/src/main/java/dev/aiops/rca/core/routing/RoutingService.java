package dev.aiops.rca.core.routing;

import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Priority;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides who a failure belongs to and how urgent it is: the priority from the matrix, the first route that matches,
 * the owner from the configured tags and the runbook; and tells where a route sends its incidents. Thread-safe: it
 * holds only what it was built with.
 */
public final class RoutingService {

  private final Routes routes;
  private final RoutingSettings settings;
  private final PriorityMatrix matrix;
  private final Runbooks runbooks;

  public RoutingService(Routes routes, RoutingSettings settings) {
    this.routes = Objects.requireNonNull(routes, "routes");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.matrix = new PriorityMatrix(settings.recurrenceThreshold());
    this.runbooks = new Runbooks(routes.runbooks(), settings.runbookUrl());
  }

  /** No routes file, default settings: every failure to the deployment's destinations, prioritised by the matrix. */
  public static RoutingService unrouted() {
    return new RoutingService(Routes.NONE, RoutingSettings.defaults());
  }

  /** A route's decision for a failure, with where it sends it. */
  public record Decision(Assignment assignment, Destinations destinations) {
    public Decision {
      Objects.requireNonNull(assignment, "assignment");
      Objects.requireNonNull(destinations, "destinations");
    }
  }

  /** The failure's assignment and its route's destinations. */
  public Decision decide(RoutingFacts facts) {
    Objects.requireNonNull(facts, "facts");
    Optional<String> owner = settings.ownerOf(facts.tags());
    Priority matrixPriority = matrix.priority(settings.slaTierOf(facts.tags()), facts.alertSeverity(),
        facts.category(), facts.occurrences());
    Route route = routes.first(facts, owner, matrixPriority);
    Priority priority = route.floor().map(floor -> PriorityMatrix.atLeast(matrixPriority, floor))
        .orElse(matrixPriority);
    Assignment assignment = new Assignment(route.name(), owner, priority, runbooks.url(route, facts));
    return new Decision(assignment, route.destinations());
  }

  /** The failure's assignment. */
  public Assignment assign(RoutingFacts facts) {
    return decide(facts).assignment();
  }

  /**
   * The assignment after another occurrence: the same route, owner and runbook (people were told where it goes), at
   * the priority the facts now give when that is more urgent. A priority never falls, so nobody is unpaged.
   */
  public Assignment reassess(Assignment current, RoutingFacts facts) {
    Objects.requireNonNull(current, "current");
    Priority now = decide(facts).assignment().priority();
    return now.above(current.priority()) ? current.withPriority(now) : current;
  }

  /**
   * Where the route of this name sends its incidents; the default route's when the routes file no longer has it (it
   * was renamed or removed since the incident was filed), so that updates still reach someone.
   */
  public Destinations destinations(String route) {
    return routes.named(route).orElse(routes.fallback()).destinations();
  }

  /** The routes this service decides with. */
  public Routes routes() {
    return routes;
  }
}
