package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one message that stands for the new incidents of a storm (more opening within a minute than people can read
 * one by one): each is listed here instead of getting a message of its own; each still has its ticket.
 *
 * @param since when the storm began
 * @param count how many incidents the summary stands for, at least as many as it lists
 * @param listed the first of them, at most {@link #MAX_LISTED}, oldest first
 */
public record StormSummary(Instant since, int count, List<Entry> listed) {

  /** The most incidents one summary names; the others are counted ("and N more"). */
  public static final int MAX_LISTED = 50;

  /**
   * One incident on the summary.
   *
   * @param title its one-line title, as its own message would have had
   * @param ticket its ticket's key, if it has one
   */
  public record Entry(IncidentId incident, String jobName, String title, Optional<String> ticket) {
    public Entry {
      Objects.requireNonNull(incident, "incident");
      Objects.requireNonNull(jobName, "jobName");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(ticket, "ticket");
    }
  }

  public StormSummary {
    Objects.requireNonNull(since, "since");
    listed = List.copyOf(listed);
    if (listed.size() > MAX_LISTED) {
      throw new IllegalArgumentException("listed must hold at most " + MAX_LISTED + ", held " + listed.size());
    }
    if (count < listed.size()) {
      throw new IllegalArgumentException("count must be at least the " + listed.size() + " listed, was " + count);
    }
  }

  /** How many incidents are counted but not named. */
  public int unlisted() {
    return count - listed.size();
  }
}
