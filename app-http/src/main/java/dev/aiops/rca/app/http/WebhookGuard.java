package dev.aiops.rca.app.http;

import io.javalin.http.Context;

/**
 * Decides whether a webhook request may be taken, before its body is read: the seam for webhook authentication.
 * Refuse by throwing a Javalin {@code HttpResponseException} such as {@code UnauthorizedResponse}.
 */
@FunctionalInterface
public interface WebhookGuard {

  /** Lets every request through: no webhook authentication is configured yet. */
  WebhookGuard OPEN = ctx -> { };

  void check(Context ctx);
}
