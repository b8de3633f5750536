package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentSort;
import dev.aiops.rca.domain.IncidentSortKey;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.Source;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Reads what pages and the API are asked for: filters, numbers, incident ids, actions and reasons. */
final class Requests {

  /** The longest reason for a resolution that is kept; tickets and messages want a line, not an essay. */
  private static final int MAX_REASON = 500;

  private Requests() {}

  /**
   * The incident filter and order in the query string: {@code source}, {@code category}, {@code status},
   * {@code job} (exact), {@code q} (text in the job, root-cause line or summary), {@code from} and {@code to} (last
   * seen, as an ISO instant, a {@code datetime-local} value in UTC or a date), {@code sort} ({@code last_seen},
   * {@code first_seen}, {@code occurrences}) and {@code dir} ({@code asc}, {@code desc}).
   *
   * @throws IllegalArgumentException naming the parameter and what it allows, when a value is not allowed
   */
  static IncidentQuery filter(Context ctx, int limit) {
    Optional<String> text = text(ctx, "q");
    if (text.filter(t -> t.length() > IncidentQuery.MAX_TEXT).isPresent()) {
      throw new IllegalArgumentException("q must be at most " + IncidentQuery.MAX_TEXT + " characters");
    }
    Optional<Instant> from = ListTimes.param(ctx.queryParam("from"), "from");
    Optional<Instant> to = ListTimes.param(ctx.queryParam("to"), "to");
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException("from must be before to");
    }
    return new IncidentQuery(
        enumParam(ctx, "source", Source.class),
        enumParam(ctx, "category", Category.class),
        enumParam(ctx, "status", IncidentStatus.class),
        text(ctx, "job"),
        text, from, to, sort(ctx), limit);
  }

  private static Optional<String> text(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(j -> !j.isEmpty());
  }

  private static IncidentSort sort(Context ctx) {
    IncidentSortKey key = enumParam(ctx, "sort", IncidentSortKey.class).orElse(IncidentSortKey.LAST_SEEN);
    String dir = Optional.ofNullable(ctx.queryParam("dir")).map(d -> d.strip().toLowerCase(Locale.ROOT)).orElse("");
    switch (dir) {
      case "":
      case "desc":
        return new IncidentSort(key, true);
      case "asc":
        return new IncidentSort(key, false);
      default:
        throw new IllegalArgumentException("dir must be asc or desc");
    }
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
