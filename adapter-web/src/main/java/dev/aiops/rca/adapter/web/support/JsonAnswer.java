package dev.aiops.rca.adapter.web.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes a JSON answer with its status; every JSON route of the service answers through it. */
public final class JsonAnswer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonAnswer() {}

  /** Sets the status, the content type and the body. */
  public static void send(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
    }
  }

  /** The machine-readable code of an error status, as {@link ErrorBody#error()} carries it. */
  public static String errorCode(int status) {
    switch (status) {
      case 401: return "unauthorized";
      case 403: return "forbidden";
      case 404: return "not_found";
      case 413: return "too_large";
      case 429: return "too_many_requests";
      case 503: return "unavailable";
      default: return "refused";
    }
  }
}
