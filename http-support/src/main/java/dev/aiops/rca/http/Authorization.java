package dev.aiops.rca.http;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Gives the {@code Authorization} header for each attempt, and says whether a refused one can be renewed. */
@FunctionalInterface
public interface Authorization {

  /** The header value to send now. */
  String header();

  /**
   * Called on a 401 with the header that was refused; true if a fresh credential is worth one more attempt that
   * does not count against the limit. Fixed credentials cannot be renewed.
   */
  default boolean renewAfterRefusal(String refusedHeader) {
    return false;
  }

  /**
   * No {@code Authorization} header: for APIs whose credential travels in the body or the URL (PagerDuty's routing
   * key, a Teams webhook's signature).
   */
  static Authorization none() {
    return () -> "";
  }

  /**
   * Bearer tokens from a source that can drop a refused token: one can be revoked, or the clock skewed, before
   * its expiry.
   */
  static Authorization renewableBearer(Supplier<String> current, Consumer<String> refused) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(refused, "refused");
    return new Authorization() {
      @Override
      public String header() {
        return AuthHeaders.bearer(current.get());
      }

      @Override
      public boolean renewAfterRefusal(String refusedHeader) {
        refused.accept(refusedHeader.substring(AuthHeaders.BEARER.length()));
        return true;
      }
    };
  }
}
