package dev.aiops.rca.adapter.web.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** Logging in and out: the login form with its own CSRF cookie, the throttle on failures, and the session cookie. */
final class LoginRoutes {

  private final Users users;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final Access access;

  LoginRoutes(Users users, Sessions sessions, LoginThrottle throttle, Access access) {
    this.users = Objects.requireNonNull(users, "users");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.access = Objects.requireNonNull(access, "access");
  }

  void mount(RouteTable table) {
    table.get("/login", this::loginPage, false);
    table.post("/login", this::login, false);
    table.post("/logout", access.form(Role.VIEWER, this::logout), false);
  }

  private void loginPage(Context ctx) {
    Access.secure(ctx);
    if (access.session(ctx).isPresent()) {
      ctx.redirect("/incidents");
      return;
    }
    renderLogin(ctx, 200, Dashboard.localPath(ctx.queryParam("next")), "");
  }

  private void renderLogin(Context ctx, int status, String next, String error) {
    // A login form carries its own token, checked against a cookie (double submit): there is no session yet
    // whose token could protect it, and without it another site could log the browser into its own account.
    String token = Tokens.random256();
    addCookie(ctx, Dashboard.LOGIN_COOKIE + "=" + token + "; Path=/login; Max-Age=900" + cookieFlags(ctx));
    ctx.status(status).html(LoginPage.render(token, next, error));
  }

  private void login(Context ctx) {
    Access.secure(ctx);
    String next = Dashboard.localPath(ctx.formParam("next"));
    if (!Tokens.same(ctx.cookie(Dashboard.LOGIN_COOKIE), ctx.formParam("csrf"))) {
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
    sessions.invalidate(ctx.cookie(Dashboard.SESSION_COOKIE));
    Session session = sessions.create(user.get());
    addCookie(ctx, Dashboard.SESSION_COOKIE + "=" + session.id() + "; Path=/" + cookieFlags(ctx));
    addCookie(ctx, Dashboard.LOGIN_COOKIE + "=; Path=/login; Max-Age=0" + cookieFlags(ctx));
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx, Session session) {
    sessions.invalidate(session.id());
    addCookie(ctx, Dashboard.SESSION_COOKIE + "=; Path=/; Max-Age=0" + cookieFlags(ctx));
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
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
}
