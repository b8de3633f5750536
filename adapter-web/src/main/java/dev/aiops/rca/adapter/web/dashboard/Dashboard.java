package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.adapter.web.webhook.WebhookAuth;
import dev.aiops.rca.port.in.DecideRemediationUseCase;
import dev.aiops.rca.port.in.ManageDeliveriesUseCase;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.in.ResolveIncidentUseCase;
import dev.aiops.rca.port.in.WatchIncidentsUseCase;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dashboard and its JSON API, mounted into the service's Javalin configuration with {@link #mount}.
 *
 * <p>Pages: {@code /login}, {@code /logout}, {@code /incidents}, {@code /incidents/{id}} and the approve form;
 * {@code /events} streams incident changes (SSE) to logged-in browsers. API: {@code /api/incidents...} with
 * a session or the API key; {@code /openapi.json} describes it. Sessions live in memory. Each job has its class:
 * {@link LoginRoutes}, {@link PageRoutes}, {@link IncidentApi}, {@link LiveIncidentEvents} and {@link Assets}.
 */
public final class Dashboard {

  static final String SESSION_COOKIE = "rca_session";
  static final String LOGIN_COOKIE = "rca_login";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  /** Failed logins of one user from one address before each further try waits. */
  static final int LOGIN_FAILURES = 5;
  /** Failed logins from one address, for any users, before each further try waits. */
  static final int LOGIN_FAILURES_PER_ADDRESS = 20;
  /** The first wait, doubled after each further failure up to {@link #LOGIN_MAX_DELAY}. */
  static final Duration LOGIN_FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration LOGIN_MAX_DELAY = Duration.ofMinutes(5);

  /** One mounted route, for the OpenAPI check and the lead's overview. */
  record Route(String method, String path, boolean api) {}

  private final LoginRoutes login;
  private final PageRoutes pages;
  private final LiveIncidentEvents live;
  private final IncidentApi api;
  private final Assets assets;
  private final List<Route> routes = new ArrayList<>();

  /** A dashboard without the delivery endpoints. */
  public Dashboard(DashboardSettings settings, Users users, QueryIncidentsUseCase incidents,
      DecideRemediationUseCase remediation, ResolveIncidentUseCase resolver, WatchIncidentsUseCase live,
      Clock clock) {
    this(settings, users, incidents, remediation, resolver, live, clock, Optional.empty());
  }

  /**
   * A dashboard; with {@code deliveries}, it also serves {@code GET /api/deliveries} ({@link DeliveryList}) and
   * {@code POST /api/deliveries/{id}/replay} ({@link DeliveryReplay}), both for the operator role, and describes
   * them in {@code /openapi.json}.
   */
  public Dashboard(DashboardSettings settings, Users users, QueryIncidentsUseCase incidents,
      DecideRemediationUseCase remediation, ResolveIncidentUseCase resolver, WatchIncidentsUseCase live,
      Clock clock, Optional<ManageDeliveriesUseCase> deliveries) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(incidents, "incidents");
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(deliveries, "deliveries");
    Sessions sessions = new Sessions(settings.sessionIdleTimeout(), clock);
    Access access = new Access(sessions, settings.apiKey().map(WebhookAuth::requiring),
        settings.operatorKey().map(WebhookAuth::requiring));
    IncidentStats stats = new IncidentStats(incidents, clock);
    this.assets = new Assets();
    this.login = new LoginRoutes(users, sessions,
        new LoginThrottle(LOGIN_FAILURES, LOGIN_FAILURES_PER_ADDRESS, LOGIN_FIRST_DELAY, LOGIN_MAX_DELAY, clock),
        access);
    this.pages = new PageRoutes(incidents, remediation, resolver, stats, access,
        new ListPage(assets.chartPath()), new IncidentPage(settings.slackWorkspaceUrl()));
    this.live = new LiveIncidentEvents(live, sessions, access);
    this.api = new IncidentApi(incidents, remediation, resolver, stats, access, settings.slackWorkspaceUrl(),
        deliveries);
  }

  /** Adds the dashboard's routes to {@code config}; call it once, inside {@code Javalin.create}. */
  public void mount(JavalinConfig config) {
    routes.clear();
    RouteTable table = new RouteTable(config, routes);
    table.get("/", ctx -> ctx.redirect("/incidents"), false);
    // Without its own route, HEAD / answered 200 where GET / redirects; monitors and curl -I use HEAD.
    table.head("/", ctx -> ctx.redirect("/incidents"));
    login.mount(table);
    pages.mount(table);
    live.mount(config, table);
    api.mount(table);
    assets.mount(table);
  }

  /** The routes {@link #mount} added, in order. */
  List<Route> routes() {
    return List.copyOf(routes);
  }

  /** Where to go after login: a path on this site only, never another host. */
  static String localPath(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
        || next.chars().anyMatch(Character::isISOControl)) {
      return "/incidents";
    }
    return next;
  }
}
