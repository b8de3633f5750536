package dev.aiops.rca.adapter.web.webhook;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;

/**
 * Decides whether a webhook request may be taken, before its body is read: the seam for webhook authentication.
 * Refuse by throwing a Javalin {@code HttpResponseException} such as {@code UnauthorizedResponse}.
 */
@FunctionalInterface
public interface WebhookGuard {

  /** Lets every request through: no webhook authentication is configured yet. */
  WebhookGuard OPEN = ctx -> { };

  void check(Context ctx);

  /** Lets through only requests that present the key (header, bearer, Basic password or {@code ?code=}). */
  static WebhookGuard requiring(WebhookAuth auth) {
    return ctx -> {
      if (!auth.accepts(ctx.header("X-API-Key"), ctx.header("Authorization"), ctx.queryParam("code"))) {
        throw new UnauthorizedResponse("a valid webhook key is required: send it as X-API-Key, "
            + "Authorization: Bearer, the Basic password or ?code=");
      }
    };
  }
}
