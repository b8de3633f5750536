package dev.aiops.rca.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.app.http.ErrorBody;
import dev.aiops.rca.app.http.WebhookAuth;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.DecideRemediationCommand;
import dev.aiops.rca.port.in.DecideRemediationUseCase;
import dev.aiops.rca.port.in.ResolveIncidentCommand;
import dev.aiops.rca.port.in.ResolveIncidentResult;
import dev.aiops.rca.port.in.ResolveIncidentUseCase;
import dev.aiops.rca.port.in.IncidentDetails;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The dashboard and its JSON API, mounted into the service's Javalin configuration with {@link #mount}.
 *
 * <p>Pages: {@code /login}, {@code /logout}, {@code /incidents}, {@code /incidents/{id}} and the approve form;
 * {@code /events} streams incident changes (SSE) to logged-in browsers. API: {@code /api/incidents...} with
 * a session or the API key; {@code /openapi.json} describes it. Sessions live in memory.
 */
public final class Dashboard {

  static final String SESSION_COOKIE = "rca_session";
  static final String LOGIN_COOKIE = "rca_login";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  static final int LOGIN_FAILURES = 5;
  static final int LOGIN_FAILURES_PER_ADDRESS = 20;
  static final Duration LOGIN_WINDOW = Duration.ofMinutes(5);
  private static final String ASSETS = "dev/aiops/rca/app/web/assets/";

  /** One mounted route, for the OpenAPI check and the lead's overview. */
  record Route(String method, String path, boolean api) {}

  /** A page or form handler that runs for a logged-in user with the needed role. */
  @FunctionalInterface
  private interface SessionHandler {
    void handle(Context ctx, Session session) throws Exception;
  }

  /** An API handler that runs for an authenticated caller with the needed role. */
  @FunctionalInterface
  private interface ApiHandler {
    void handle(Context ctx, Caller caller) throws Exception;
  }

  /** The longest reason for a resolution that is kept; tickets and messages want a line, not an essay. */
  private static final int MAX_REASON = 500;

  private final Users users;
  private final QueryIncidentsUseCase incidents;
  private final DecideRemediationUseCase remediation;
  private final ResolveIncidentUseCase resolver;
  private final LiveIncidentEvents live;
  private final Optional<Handler> deliveryReplay;
  private final Optional<WebhookAuth> apiKey;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final IncidentStats stats;
  private final Pages pages;
  private final ObjectMapper json = new ObjectMapper();
  private final Optional<String> slackWorkspaceUrl;
  private final Optional<String> chartVersion;
  private final List<Route> routes = new ArrayList<>();

  /** A dashboard without the delivery-replay endpoint. */
  public Dashboard(DashboardSettings settings, Users users, QueryIncidentsUseCase incidents,
      DecideRemediationUseCase remediation, ResolveIncidentUseCase resolver, LiveIncidentEvents live, Clock clock) {
    this(settings, users, incidents, remediation, resolver, live, clock, Optional.empty());
  }

  /**
   * A dashboard; with {@code deliveryReplay}, it also serves {@code POST /api/deliveries/{id}/replay} (operator
   * role; the handler reads path parameter {@code id}) and describes it in {@code /openapi.json}.
   */
  public Dashboard(DashboardSettings settings, Users users, QueryIncidentsUseCase incidents,
      DecideRemediationUseCase remediation, ResolveIncidentUseCase resolver, LiveIncidentEvents live, Clock clock,
      Optional<Handler> deliveryReplay) {
    Objects.requireNonNull(settings, "settings");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.users = Objects.requireNonNull(users, "users");
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.remediation = Objects.requireNonNull(remediation, "remediation");
    this.live = Objects.requireNonNull(live, "live");
    Objects.requireNonNull(clock, "clock");
    this.deliveryReplay = Objects.requireNonNull(deliveryReplay, "deliveryReplay");
    this.apiKey = settings.apiKey().map(WebhookAuth::requiring);
    this.sessions = new Sessions(settings.sessionIdleTimeout(), clock);
    this.throttle = new LoginThrottle(LOGIN_FAILURES_PER_ADDRESS, LOGIN_FAILURES, LOGIN_WINDOW, clock);
    this.stats = new IncidentStats(incidents, clock);
    this.slackWorkspaceUrl = settings.slackWorkspaceUrl();
    this.chartVersion = chartJsVersion();
    this.pages = new Pages(chartPath(), slackWorkspaceUrl);
  }

  /** Adds the dashboard's routes to {@code config}; call it once, inside {@code Javalin.create}. */
  public void mount(JavalinConfig config) {
    routes.clear();
    get(config, "/", ctx -> ctx.redirect("/incidents"), false);
    get(config, "/login", this::loginPage, false);
    post(config, "/login", this::login, false);
    post(config, "/logout", form(Role.VIEWER, this::logout), false);
    get(config, "/incidents", page(Role.VIEWER, this::listPage), false);
    get(config, "/incidents/{id}", page(Role.VIEWER, this::incidentPage), false);
    post(config, "/incidents/{id}/remediations/{action}/approve", form(Role.OPERATOR, this::approveForm), false);
    post(config, "/incidents/{id}/resolve", form(Role.OPERATOR, this::resolveForm), false);

    config.routes.before("/events", ctx -> {
      secure(ctx);
      if (session(ctx).isEmpty()) {
        ctx.status(401).contentType("text/plain").result("log in first");
        ctx.skipRemainingHandlers();
      }
    });
    config.routes.sse("/events", client -> {
      client.keepAlive();
      String sessionId = client.ctx().cookie(SESSION_COOKIE);
      // The stream ends with its session, at logout or expiry, rather than outliving it.
      // Registers the stream and greets it ("connected"), so the browser can re-read the list for what it missed.
      live.add(client, () -> sessions.isLive(sessionId));
    });
    routes.add(new Route("GET", "/events", false));

    get(config, "/api/incidents", api(Role.VIEWER, this::apiList), true);
    get(config, "/api/incidents/{id}", api(Role.VIEWER, this::apiIncident), true);
    get(config, "/api/incidents/{id}/audit", api(Role.VIEWER, this::apiAudit), true);
    post(config, "/api/incidents/{id}/remediations/{action}/approve", api(Role.OPERATOR, this::apiApprove), true);
    post(config, "/api/incidents/{id}/resolve", api(Role.OPERATOR, this::apiResolve), true);
    get(config, "/api/stats", api(Role.VIEWER, this::apiStats), true);
    deliveryReplay.ifPresent(replay ->
        post(config, "/api/deliveries/{id}/replay", api(Role.OPERATOR, (ctx, caller) -> replay.handle(ctx)), true));
    byte[] openApi = openApiDocument();
    get(config, "/openapi.json", ctx -> {
      secure(ctx);
      ctx.contentType("application/json").result(openApi);
    }, true);

    byte[] css = resource(ASSETS + "dashboard.css");
    byte[] listJs = resource(ASSETS + "list.js");
    get(config, "/assets/dashboard.css", ctx -> asset(ctx, "text/css", css, "no-cache"), false);
    get(config, "/assets/list.js", ctx -> asset(ctx, "text/javascript", listJs, "no-cache"), false);
    chartPath().ifPresent(path -> {
      byte[] chart = resource("META-INF/resources/webjars/chart.js/" + chartVersion.get() + "/dist/chart.umd.min.js");
      get(config, path, ctx -> asset(ctx, "text/javascript", chart, "public, max-age=31536000, immutable"), false);
    });
  }

  /** The routes {@link #mount} added, in order. */
  List<Route> routes() {
    return List.copyOf(routes);
  }

  // ---- login and logout

  private void loginPage(Context ctx) {
    secure(ctx);
    if (session(ctx).isPresent()) {
      ctx.redirect("/incidents");
      return;
    }
    renderLogin(ctx, 200, localPath(ctx.queryParam("next")), "");
  }

  private void renderLogin(Context ctx, int status, String next, String error) {
    // A login form carries its own token, checked against a cookie (double submit): there is no session yet
    // whose token could protect it, and without it another site could log the browser into its own account.
    String token = Tokens.random256();
    addCookie(ctx, LOGIN_COOKIE + "=" + token + "; Path=/login; Max-Age=900" + cookieFlags(ctx));
    ctx.status(status).html(pages.login(token, next, error));
  }

  private void login(Context ctx) {
    secure(ctx);
    String next = localPath(ctx.formParam("next"));
    if (!Tokens.same(ctx.cookie(LOGIN_COOKIE), ctx.formParam("csrf"))) {
      renderLogin(ctx, 403, next, "The login form expired. Please try again.");
      return;
    }
    String address = ctx.ip();
    String name = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
    Duration wait = throttle.retryAfter(address, name);
    if (!wait.isZero() && !wait.isNegative()) {
      long seconds = Math.max(1, wait.toSeconds());
      ctx.header("Retry-After", Long.toString(seconds));
      renderLogin(ctx, 429, next, "Too many failed attempts. Try again in " + seconds + " seconds.");
      return;
    }
    char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
    Optional<User> user = users.authenticate(name, password);
    Arrays.fill(password, '\0');
    if (user.isEmpty()) {
      throttle.failed(address, name);
      renderLogin(ctx, 401, next, "Wrong user name or password.");
      return;
    }
    throttle.succeeded(address, name);
    // A fresh id on every login: an id planted before login is worth nothing after it.
    sessions.invalidate(ctx.cookie(SESSION_COOKIE));
    Session session = sessions.create(user.get());
    addCookie(ctx, SESSION_COOKIE + "=" + session.id() + "; Path=/" + cookieFlags(ctx));
    addCookie(ctx, LOGIN_COOKIE + "=; Path=/login; Max-Age=0" + cookieFlags(ctx));
    ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx, Session session) {
    sessions.invalidate(session.id());
    addCookie(ctx, SESSION_COOKIE + "=; Path=/; Max-Age=0" + cookieFlags(ctx));
    ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  // ---- pages

  private void listPage(Context ctx, Session session) {
    IncidentQuery filter = filter(ctx, 100);
    ctx.html(pages.incidentList(session, filter, incidents.list(filter), stats.compute(filter)));
  }

  private void incidentPage(Context ctx, Session session) {
    Optional<IncidentDetails> details = incidentId(ctx).flatMap(incidents::details);
    if (details.isEmpty()) {
      ctx.status(404).html("<!DOCTYPE html><title>Not found</title><p>No such incident. <a href=\"/incidents\">"
          + "All incidents</a></p>");
      return;
    }
    ctx.html(pages.incident(session, details.get(), flash(ctx)));
  }

  /** A fixed message chosen by a query code, so that a link cannot put words of its own on the page. */
  private static String flash(Context ctx) {
    String resolved = Objects.requireNonNullElse(ctx.queryParam("resolved"), "");
    switch (resolved) {
      case "told":
        return "Incident resolved; its ticket and its message say so.";
      case "untold":
        return "Incident resolved, but the ticket could not be told: see the audit trail.";
      case "already":
        return "The incident was resolved already; nothing changed.";
      default:
        break;
    }
    Optional<RemediationAction> approved = action(ctx.queryParam("approved"));
    if (approved.isPresent()) {
      return approved.get() + " approved; its outcome is in the remediation history.";
    }
    Optional<RemediationAction> refused = action(ctx.queryParam("refused"));
    return refused.map(a -> a + " no longer waits for approval; nothing was done.").orElse("");
  }

  private void approveForm(Context ctx, Session session) {
    Optional<IncidentId> id = incidentId(ctx);
    Optional<RemediationAction> action = action(ctx.pathParam("action"));
    if (id.isEmpty() || action.isEmpty() || incidents.details(id.get()).isEmpty()) {
      ctx.status(404).html("<!DOCTYPE html><title>Not found</title><p>No such incident or action.</p>");
      return;
    }
    String outcome;
    try {
      remediation.decide(new DecideRemediationCommand(id.get(), action.get(), true, session.user()));
      outcome = "approved";
    } catch (IllegalArgumentException notPending) {
      outcome = "refused";
    }
    ctx.redirect("/incidents/" + id.get().value() + "?" + outcome + "=" + action.get() + "#remediation",
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void resolveForm(Context ctx, Session session) {
    Optional<IncidentId> id = incidentId(ctx);
    if (id.isEmpty() || incidents.details(id.get()).isEmpty()) {
      ctx.status(404).html("<!DOCTYPE html><title>Not found</title><p>No such incident.</p>");
      return;
    }
    ResolveIncidentResult result = resolver.resolve(new ResolveIncidentCommand(id.get(), session.user(),
        reason(ctx.formParam("reason"))));
    String outcome = !result.changed() ? "already" : result.problems().isEmpty() ? "told" : "untold";
    ctx.redirect("/incidents/" + id.get().value() + "?resolved=" + outcome, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** A person's reason, on one line and short, as it goes to the ticket and the channel. */
  private static String reason(String given) {
    String line = given == null ? "" : given.strip().replaceAll("\\s+", " ");
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON);
  }

  // ---- API

  private void apiList(Context ctx, Caller caller) throws JsonProcessingException {
    int limit = intParam(ctx, "limit", 50, 1, 200);
    int offset = intParam(ctx, "offset", 0, 0, 999);
    if (offset + limit > 1000) {
      throw new IllegalArgumentException("offset + limit must be at most 1000");
    }
    IncidentQuery query = filter(ctx, Math.min(1000, offset + limit + 1));
    List<JsonViews.IncidentSummary> all = incidents.list(query).stream().map(JsonViews.IncidentSummary::of).toList();
    List<JsonViews.IncidentSummary> page = all.subList(Math.min(offset, all.size()),
        Math.min(offset + limit, all.size()));
    sendJson(ctx, 200, new JsonViews.IncidentPage(page, offset, limit, all.size() > offset + limit));
  }

  private void apiIncident(Context ctx, Caller caller) throws JsonProcessingException {
    Optional<IncidentDetails> details = incidentId(ctx).flatMap(incidents::details);
    if (details.isEmpty()) {
      notFound(ctx);
      return;
    }
    sendJson(ctx, 200, JsonViews.IncidentView.of(details.get(), slackWorkspaceUrl));
  }

  private void apiAudit(Context ctx, Caller caller) throws JsonProcessingException {
    Optional<IncidentDetails> details = incidentId(ctx).flatMap(incidents::details);
    if (details.isEmpty()) {
      notFound(ctx);
      return;
    }
    sendJson(ctx, 200, details.get().auditTrail().stream().map(JsonViews.AuditView::of).toList());
  }

  private void apiApprove(Context ctx, Caller caller) throws JsonProcessingException {
    Optional<IncidentId> id = incidentId(ctx);
    if (id.isEmpty() || incidents.details(id.get()).isEmpty()) {
      notFound(ctx);
      return;
    }
    Optional<RemediationAction> action = action(ctx.pathParam("action"));
    if (action.isEmpty()) {
      sendJson(ctx, 400, new ErrorBody("bad_request", "action must be one of "
          + Arrays.toString(RemediationAction.values())));
      return;
    }
    RemediationOutcome outcome;
    try {
      outcome = remediation.decide(new DecideRemediationCommand(id.get(), action.get(), true, caller.name()));
    } catch (IllegalArgumentException notPending) {
      sendJson(ctx, 409, new ErrorBody("not_pending", action.get() + " does not wait for approval on incident "
          + id.get()));
      return;
    }
    sendJson(ctx, 200, JsonViews.RemediationView.of(outcome));
  }

  private void apiResolve(Context ctx, Caller caller) throws JsonProcessingException {
    Optional<IncidentId> id = incidentId(ctx);
    if (id.isEmpty() || incidents.details(id.get()).isEmpty()) {
      notFound(ctx);
      return;
    }
    String reason = "";
    if (!ctx.body().isBlank()) {
      JsonNode body;
      try {
        body = json.readTree(ctx.body());
      } catch (JsonProcessingException e) {
        sendJson(ctx, 400, new ErrorBody("bad_request", "the body must be JSON such as {\"reason\": \"...\"}"));
        return;
      }
      if (!body.isObject() || (body.has("reason") && !body.get("reason").isTextual())) {
        sendJson(ctx, 400, new ErrorBody("bad_request", "reason must be a string"));
        return;
      }
      reason = reason(body.path("reason").asText(""));
    }
    ResolveIncidentResult result = resolver.resolve(new ResolveIncidentCommand(id.get(), caller.name(), reason));
    sendJson(ctx, 200, JsonViews.ResolutionView.of(result));
  }

  private void apiStats(Context ctx, Caller caller) throws JsonProcessingException {
    sendJson(ctx, 200, stats.compute(filter(ctx, 1000)));
  }

  // ---- guards

  private Handler page(Role needed, SessionHandler handler) {
    return ctx -> {
      secure(ctx);
      Optional<Session> session = session(ctx);
      if (session.isEmpty()) {
        String wanted = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        ctx.redirect("/login?next=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8));
        return;
      }
      if (!session.get().role().includes(needed)) {
        ctx.status(403).html("<!DOCTYPE html><title>Forbidden</title><p>Your role may not do this.</p>");
        return;
      }
      try {
        handler.handle(ctx, session.get());
      } catch (IllegalArgumentException badInput) {
        ctx.status(400).contentType("text/plain").result(badInput.getMessage());
      }
    };
  }

  private Handler form(Role needed, SessionHandler handler) {
    return page(needed, (ctx, session) -> {
      if (!Tokens.same(session.csrfToken(), ctx.formParam("csrf"))) {
        ctx.status(403).contentType("text/plain").result("missing or wrong CSRF token: reload the page and retry");
        return;
      }
      handler.handle(ctx, session);
    });
  }

  private Handler api(Role needed, ApiHandler handler) {
    return ctx -> {
      secure(ctx);
      Optional<Caller> caller = caller(ctx);
      if (caller.isEmpty()) {
        ctx.header("WWW-Authenticate", "Bearer");
        sendJson(ctx, 401, new ErrorBody("unauthorized",
            "log in, or present the API key as X-API-Key or Authorization: Bearer"));
        return;
      }
      // A browser sends the session cookie on its own; the token proves the page itself made the request.
      boolean changes = !ctx.method().name().equals("GET");
      if (changes && caller.get().session().isPresent()
          && !Tokens.same(caller.get().session().get().csrfToken(), ctx.header(CSRF_HEADER))) {
        sendJson(ctx, 403, new ErrorBody("csrf", "session requests that change state need the "
            + CSRF_HEADER + " header"));
        return;
      }
      if (!caller.get().role().includes(needed)) {
        sendJson(ctx, 403, new ErrorBody("forbidden", "this needs the " + needed.name().toLowerCase(Locale.ROOT)
            + " role"));
        return;
      }
      try {
        handler.handle(ctx, caller.get());
      } catch (IllegalArgumentException badInput) {
        sendJson(ctx, 400, new ErrorBody("bad_request", badInput.getMessage()));
      }
    };
  }

  private Optional<Caller> caller(Context ctx) {
    if (apiKey.isPresent() && (ctx.header("X-API-Key") != null || ctx.header("Authorization") != null)
        && apiKey.get().accepts(ctx.header("X-API-Key"), ctx.header("Authorization"), null)) {
      return Optional.of(Caller.API_KEY);
    }
    return session(ctx).map(Caller::of);
  }

  private Optional<Session> session(Context ctx) {
    return sessions.find(ctx.cookie(SESSION_COOKIE));
  }

  // ---- helpers

  static void secure(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
  }

  private static void asset(Context ctx, String type, byte[] body, String cacheControl) {
    secure(ctx);
    ctx.header("Cache-Control", cacheControl);
    ctx.contentType(type + "; charset=utf-8").result(body);
  }

  private static String cookieFlags(Context ctx) {
    return "; HttpOnly; SameSite=Strict" + (overTls(ctx) ? "; Secure" : "");
  }

  /** Whether the browser used https: directly, or at the proxy in front of us. */
  static boolean overTls(Context ctx) {
    String forwarded = ctx.header("X-Forwarded-Proto");
    String first = forwarded == null ? "" : forwarded.split(",")[0].strip();
    return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(first);
  }

  private static void addCookie(Context ctx, String cookie) {
    ctx.res().addHeader("Set-Cookie", cookie);
  }

  /** Where to go after login: a path on this site only, never another host. */
  static String localPath(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
        || next.chars().anyMatch(Character::isISOControl)) {
      return "/incidents";
    }
    return next;
  }

  private static IncidentQuery filter(Context ctx, int limit) {
    return new IncidentQuery(
        enumParam(ctx, "source", Source.class),
        enumParam(ctx, "category", Category.class),
        enumParam(ctx, "status", IncidentStatus.class),
        Optional.ofNullable(ctx.queryParam("job")).map(String::strip).filter(j -> !j.isEmpty()),
        limit);
  }

  private static <E extends Enum<E>> Optional<E> enumParam(Context ctx, String name, Class<E> type) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " must be one of " + Arrays.toString(type.getEnumConstants()),
          e);
    }
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value < min || value > max) {
        throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "], was " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, was '" + raw + "'", e);
    }
  }

  private static Optional<IncidentId> incidentId(Context ctx) {
    try {
      long id = Long.parseLong(ctx.pathParam("id"));
      return id > 0 ? Optional.of(new IncidentId(id)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<RemediationAction> action(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    return Arrays.stream(RemediationAction.values()).filter(a -> a.name().equals(raw)).findFirst();
  }

  private void notFound(Context ctx) throws JsonProcessingException {
    sendJson(ctx, 404, new ErrorBody("not_found", "no such incident: " + ctx.pathParam("id")));
  }

  private void sendJson(Context ctx, int status, Object body) throws JsonProcessingException {
    ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
  }

  private void get(JavalinConfig config, String path, Handler handler, boolean api) {
    config.routes.get(path, handler);
    routes.add(new Route("GET", path, api));
  }

  private void post(JavalinConfig config, String path, Handler handler, boolean api) {
    config.routes.post(path, handler);
    routes.add(new Route("POST", path, api));
  }

  private Optional<String> chartPath() {
    return chartVersion.map(v -> "/webjars/chart.js/" + v + "/dist/chart.umd.min.js");
  }

  /** The chart.js webjar's version, from its Maven metadata; empty when the jar is not on the class path. */
  private static Optional<String> chartJsVersion() {
    try (InputStream in = Dashboard.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
      if (in == null) {
        return Optional.empty();
      }
      Properties properties = new Properties();
      properties.load(in);
      return Optional.ofNullable(properties.getProperty("version")).filter(v -> v.matches("[0-9A-Za-z.\\-]+"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the chart.js webjar's version", e);
    }
  }

  private byte[] openApiDocument() {
    try {
      ObjectNode document = (ObjectNode) json.readTree(resource("dev/aiops/rca/app/web/openapi.json"));
      if (deliveryReplay.isPresent()) {
        ((ObjectNode) document.get("paths")).set("/api/deliveries/{id}/replay",
            json.readTree(resource("dev/aiops/rca/app/web/openapi-replay.json")));
      }
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the OpenAPI document", e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}
