package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.Source;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Reads what pages and the API are asked for: filters, numbers, incident ids, actions and reasons. */
final class Requests {

  /** The longest reason for a resolution that is kept; tickets and messages want a line, not an essay. */
  private static final int MAX_REASON = 500;

  private Requests() {}

  /**
   * The incident filter in the query string ({@code source}, {@code category}, {@code status}, {@code job}).
   *
   * @throws IllegalArgumentException naming the allowed values, when one is not among them
   */
  static IncidentQuery filter(Context ctx, int limit) {
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

  /** A query parameter within {@code [min, max]}, or {@code fallback} when it is absent. */
  static int intParam(Context ctx, String name, int fallback, int min, int max) {
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

  /** The incident id in the path, when it is a positive number. */
  static Optional<IncidentId> incidentId(Context ctx) {
    try {
      long id = Long.parseLong(ctx.pathParam("id"));
      return id > 0 ? Optional.of(new IncidentId(id)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The remediation action with exactly this name. */
  static Optional<RemediationAction> action(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    return Arrays.stream(RemediationAction.values()).filter(a -> a.name().equals(raw)).findFirst();
  }

  /** A person's reason, on one line and short, as it goes to the ticket and the channel. */
  static String reason(String given) {
    String line = given == null ? "" : given.strip().replaceAll("\\s+", " ");
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON);
  }
}
