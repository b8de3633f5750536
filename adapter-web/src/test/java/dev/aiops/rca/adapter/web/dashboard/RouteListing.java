package dev.aiops.rca.adapter.web.dashboard;

import io.javalin.Javalin;
import java.util.List;

/** The HTTP routes a running Javalin actually serves, read from its router rather than from our own list. */
final class RouteListing {

  /** One route: the method in upper case and the path as declared. */
  record Route(String method, String path) {}

  private RouteListing() {}

  static List<Route> of(Javalin app) {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> new Route(parsed.endpoint.method.name(), parsed.endpoint.path))
        .toList();
  }
}
