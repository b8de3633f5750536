package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A filter over incidents, in an order (newest first unless asked otherwise).
 *
 * @param source only this source
 * @param category only this category
 * @param status only this status
 * @param jobName only this job or pipeline
 * @param text only incidents whose job name, root-cause line or summary contain it, ignoring case; at most
 *     {@value #MAX_TEXT} characters, not blank
 * @param from only incidents last seen at or after it
 * @param to only incidents last seen before it; after {@code from} when both are given
 * @param sort the order
 * @param limit at most this many, from 1 to 1000
 */
public record IncidentQuery(
    Optional<Source> source,
    Optional<Category> category,
    Optional<IncidentStatus> status,
    Optional<String> jobName,
    Optional<String> text,
    Optional<Instant> from,
    Optional<Instant> to,
    IncidentSort sort,
    int limit) {

  /** The longest search text: a phrase from an error, not a document. */
  public static final int MAX_TEXT = 200;

  public IncidentQuery {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(text, "text");
    text = text.map(String::strip);
    if (text.filter(String::isEmpty).isPresent()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    if (text.filter(t -> t.length() > MAX_TEXT).isPresent()) {
      throw new IllegalArgumentException("text must be at most " + MAX_TEXT + " characters");
    }
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException("from " + from.get() + " must be before to " + to.get());
    }
    Objects.requireNonNull(sort, "sort");
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be within [1, 1000], was " + limit);
    }
  }

  /** A filter by source, category, status and job, newest first. */
  public IncidentQuery(Optional<Source> source, Optional<Category> category, Optional<IncidentStatus> status,
      Optional<String> jobName, int limit) {
    this(source, category, status, jobName, Optional.empty(), Optional.empty(), Optional.empty(),
        IncidentSort.NEWEST, limit);
  }

  /** Every incident, newest first, up to {@code limit}. */
  public static IncidentQuery all(int limit) {
    return new IncidentQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
  }

  /** The same filter, only incidents that contain {@code newText}. */
  public IncidentQuery withText(String newText) {
    return new IncidentQuery(source, category, status, jobName, Optional.of(newText), from, to, sort, limit);
  }

  /** The same filter, only incidents last seen within {@code [newFrom, newTo)}; either end may be open. */
  public IncidentQuery withRange(Optional<Instant> newFrom, Optional<Instant> newTo) {
    return new IncidentQuery(source, category, status, jobName, text, newFrom, newTo, sort, limit);
  }

  /** The same filter in another order. */
  public IncidentQuery sortedBy(IncidentSort newSort) {
    return new IncidentQuery(source, category, status, jobName, text, from, to, newSort, limit);
  }

  /** The same filter and order with another limit. */
  public IncidentQuery withLimit(int newLimit) {
    return new IncidentQuery(source, category, status, jobName, text, from, to, sort, newLimit);
  }

  public boolean matches(Incident incident) {
    return source.map(s -> s == incident.source()).orElse(true)
        && category.map(c -> c == incident.analysis().category()).orElse(true)
        && status.map(s -> s == incident.status()).orElse(true)
        && jobName.map(j -> j.equals(incident.jobName())).orElse(true)
        && text.map(t -> contains(incident, t)).orElse(true)
        && from.map(f -> !incident.lastSeen().isBefore(f)).orElse(true)
        && to.map(t -> incident.lastSeen().isBefore(t)).orElse(true);
  }

  private static boolean contains(Incident incident, String wanted) {
    String needle = wanted.toLowerCase(Locale.ROOT);
    return incident.jobName().toLowerCase(Locale.ROOT).contains(needle)
        || incident.analysis().rootCauseLine().toLowerCase(Locale.ROOT).contains(needle)
        || incident.analysis().summary().toLowerCase(Locale.ROOT).contains(needle);
  }
}
