package dev.aiops.rca.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A filter over incidents, newest first.
 *
 * @param source only this source
 * @param category only this category
 * @param status only this status
 * @param jobName only this job or pipeline
 * @param limit at most this many, from 1 to 1000
 */
public record IncidentQuery(
    Optional<Source> source,
    Optional<Category> category,
    Optional<IncidentStatus> status,
    Optional<String> jobName,
    int limit) {
  public IncidentQuery {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(jobName, "jobName");
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be within [1, 1000], was " + limit);
    }
  }

  /** Every incident, newest first, up to {@code limit}. */
  public static IncidentQuery all(int limit) {
    return new IncidentQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
  }

  public boolean matches(Incident incident) {
    return source.map(s -> s == incident.source()).orElse(true)
        && category.map(c -> c == incident.analysis().category()).orElse(true)
        && status.map(s -> s == incident.status()).orElse(true)
        && jobName.map(j -> j.equals(incident.jobName())).orElse(true);
  }
}
