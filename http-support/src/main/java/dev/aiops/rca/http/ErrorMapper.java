package dev.aiops.rca.http;

import dev.aiops.rca.port.PortException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.function.Function;

/**
 * Puts one call's failures in its adapter's words (which setting to check, which role to grant); whether the
 * failure is transient, and any wait the server asked for, ride on the returned exception.
 */
public interface ErrorMapper {

  /** What an answer other than 2xx means. */
  PortException fromStatus(int status, String body, HttpHeaders headers);

  /** A failure below HTTP: a timeout, a refused or reset connection. */
  PortException fromTransport(IOException e);

  /** A 2xx answer whose body is not a JSON object. */
  PortException notJson(String body);

  /** A mapper from three functions, so that an adapter can bind its static helpers to one call. */
  static ErrorMapper of(
      StatusMapper status, Function<IOException, PortException> transport, Function<String, PortException> notJson) {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(notJson, "notJson");
    return new ErrorMapper() {
      @Override
      public PortException fromStatus(int code, String body, HttpHeaders headers) {
        return status.map(code, body, headers);
      }

      @Override
      public PortException fromTransport(IOException e) {
        return transport.apply(e);
      }

      @Override
      public PortException notJson(String body) {
        return notJson.apply(body);
      }
    };
  }

  /** The status part of a mapper. */
  @FunctionalInterface
  interface StatusMapper {
    PortException map(int status, String body, HttpHeaders headers);
  }
}
