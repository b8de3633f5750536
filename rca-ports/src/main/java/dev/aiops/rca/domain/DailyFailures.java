package dev.aiops.rca.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The failed runs filed on one UTC day under incidents of one category.
 *
 * @param day the UTC day the runs were filed at
 * @param category the category of their incidents
 * @param runs how many, at least 1
 */
public record DailyFailures(LocalDate day, Category category, long runs) {
  public DailyFailures {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(category, "category");
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, was " + runs);
    }
  }
}
