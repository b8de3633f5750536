package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.adapter.web.support.ErrorBody;
import dev.aiops.rca.adapter.web.support.JsonAnswer;
import dev.aiops.rca.adapter.web.webhook.WebhookAuth;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may do what: wraps page, form and API handlers so that they run only for a caller with the needed role
 * (and, for changes made from a browser session, the CSRF token), and sets the security headers of every answer.
 */
final class Access {

  /** A page or form handler that runs for a logged-in user with the needed role. */
  @FunctionalInterface
  interface SessionHandler {
    void handle(Context ctx, Session session) throws Exception;
  }

  /** An API handler that runs for an authenticated caller with the needed role. */
  @FunctionalInterface
  interface ApiHandler {
    void handle(Context ctx, Caller caller) throws Exception;
  }

  private final Sessions sessions;
  private final Optional<WebhookAuth> apiKey;
  private final Optional<WebhookAuth> operatorKey;

  /**
   * @param apiKey checks the webhook key, which reads only; empty for session-only access
   * @param operatorKey checks the key that may also change state; empty when only an operator's session may
   */
  Access(Sessions sessions, Optional<WebhookAuth> apiKey, Optional<WebhookAuth> operatorKey) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.operatorKey = Objects.requireNonNull(operatorKey, "operatorKey");
  }

  Handler page(Role needed, SessionHandler handler) {
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
        // The reason names the parameter and what it allows; escaped, since it may quote the value sent.
        ctx.status(400).html(PageLayout.document("Bad request", "error", session, "<main><h1>Bad request</h1>"
            + "<p id=\"reason\">" + Html.esc(badInput.getMessage()) + "</p><p><a href=\"" + Html.esc(ctx.path())
            + "\">Start again</a></p></main>", List.of()));
      }
    };
  }

  Handler form(Role needed, SessionHandler handler) {
    return page(needed, (ctx, session) -> {
      if (!Tokens.same(session.csrfToken(), ctx.formParam("csrf"))) {
        ctx.status(403).contentType("text/plain").result("missing or wrong CSRF token: reload the page and retry");
        return;
      }
      handler.handle(ctx, session);
    });
  }

  Handler api(Role needed, ApiHandler handler) {
    return ctx -> {
      secure(ctx);
      Optional<Caller> caller = caller(ctx);
      if (caller.isEmpty()) {
        ctx.header("WWW-Authenticate", "Bearer");
        JsonAnswer.send(ctx, 401, new ErrorBody("unauthorized",
            "log in, or present the API key as X-API-Key or Authorization: Bearer"));
        return;
      }
      // A browser sends the session cookie on its own; the token proves the page itself made the request.
      boolean changes = !ctx.method().name().equals("GET");
      if (changes && caller.get().session().isPresent()
          && !Tokens.same(caller.get().session().get().csrfToken(), ctx.header(Dashboard.CSRF_HEADER))) {
        JsonAnswer.send(ctx, 403, new ErrorBody("csrf", "session requests that change state need the "
            + Dashboard.CSRF_HEADER + " header"));
        return;
      }
      if (changes && caller.get().readOnly()) {
        JsonAnswer.send(ctx, 403, new ErrorBody("forbidden", "the webhook key (RCA_API_KEY) may only read: "
            + "approving, resolving and replaying need the operator key (RCA_OPERATOR_KEY) or an operator's session"));
        return;
      }
      if (!caller.get().role().includes(needed)) {
        JsonAnswer.send(ctx, 403, new ErrorBody("forbidden", "this needs the "
            + needed.name().toLowerCase(Locale.ROOT) + " role"));
        return;
      }
      try {
        handler.handle(ctx, caller.get());
      } catch (IllegalArgumentException badInput) {
        JsonAnswer.send(ctx, 400, new ErrorBody("bad_request", badInput.getMessage()));
      }
    };
  }

  private Optional<Caller> caller(Context ctx) {
    if (presents(ctx, operatorKey)) {
      return Optional.of(Caller.OPERATOR_KEY);
    }
    if (presents(ctx, apiKey)) {
      return Optional.of(Caller.API_KEY);
    }
    return session(ctx).map(Caller::of);
  }

  private static boolean presents(Context ctx, Optional<WebhookAuth> key) {
    return key.isPresent() && (ctx.header("X-API-Key") != null || ctx.header("Authorization") != null)
        && key.get().accepts(ctx.header("X-API-Key"), ctx.header("Authorization"), null);
  }

  /** The live session the request's cookie names, which counts as a use of it. */
  Optional<Session> session(Context ctx) {
    return sessions.find(ctx.cookie(Dashboard.SESSION_COOKIE));
  }

  /** Sets the headers every dashboard answer carries: no framing, no sniffing, no caching, no inline code. */
  static void secure(Context ctx) {
    ctx.header("Content-Security-Policy", Dashboard.CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
  }
}
