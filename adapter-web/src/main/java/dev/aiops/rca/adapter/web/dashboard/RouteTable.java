package dev.aiops.rca.adapter.web.dashboard;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import java.util.List;

/** Adds routes to Javalin and notes each one, so that the dashboard can tell which routes it mounted. */
final class RouteTable {

  private final JavalinConfig config;
  private final List<Dashboard.Route> mounted;

  /** @param mounted receives each route as it is added */
  RouteTable(JavalinConfig config, List<Dashboard.Route> mounted) {
    this.config = config;
    this.mounted = mounted;
  }

  void get(String path, Handler handler, boolean api) {
    config.routes.get(path, handler);
    mounted.add(new Dashboard.Route("GET", path, api));
  }

  /** A HEAD route, for paths whose GET answers with headers alone (a redirect), so HEAD answers the same. */
  void head(String path, Handler handler) {
    config.routes.head(path, handler);
    mounted.add(new Dashboard.Route("HEAD", path, false));
  }

  void post(String path, Handler handler, boolean api) {
    config.routes.post(path, handler);
    mounted.add(new Dashboard.Route("POST", path, api));
  }

  /** Notes a route that was added another way (the SSE stream). */
  void note(String method, String path, boolean api) {
    mounted.add(new Dashboard.Route(method, path, api));
  }
}
