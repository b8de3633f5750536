package dev.aiops.rca.core.remediation;

import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.port.in.FollowRemediationsUseCase;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the platforms, every {@code poll}, how the runs started by remediations ended, on one background thread.
 * What to follow is read from the store each time, so a restart or another replica picks up where this one was.
 */
public final class RemediationFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RemediationFollower.class);

  /**
   * How following runs.
   *
   * @param poll how often the platforms are asked ({@code RCA_REMEDIATION_POLL}, default 30 s)
   * @param core what happens when a run ends ({@code RCA_RESOLVE_ON_REPAIR_SUCCESS},
   *     {@code RCA_REMEDIATION_FOLLOW_LIMIT})
   */
  public record Settings(Duration poll, FollowRemediationsService.Settings core) {
    public Settings {
      Objects.requireNonNull(poll, "poll");
      if (poll.compareTo(Duration.ofMillis(100)) < 0) {
        throw new IllegalArgumentException("poll must be at least 100 ms, was " + poll);
      }
      Objects.requireNonNull(core, "core");
    }

    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(30), FollowRemediationsService.Settings.defaults());
    }
  }

  private final FollowRemediationsUseCase follow;
  private final Duration poll;
  private ScheduledExecutorService scheduler;
  private boolean roundPending;

  public RemediationFollower(FollowRemediationsUseCase follow, Duration poll) {
    this.follow = Objects.requireNonNull(follow, "follow");
    this.poll = Objects.requireNonNull(poll, "poll");
  }

  /** Starts following; the first round runs at once, to pick up what a restart left. */
  public synchronized RemediationFollower start() {
    if (scheduler == null) {
      scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "remediation-follower");
        thread.setDaemon(true);
        return thread;
      });
      scheduler.scheduleWithFixedDelay(this::round, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /**
   * Asks for a round soon, on the follower's thread, as a webhook suggests that a run may have ended; rounds
   * already waiting absorb it, so a burst of webhooks costs one round.
   */
  public synchronized void wake() {
    if (scheduler != null && !roundPending) {
      roundPending = true;
      scheduler.execute(() -> {
        synchronized (this) {
          roundPending = false;
        }
        round();
      });
    }
  }

  /** Follows once, now, on the caller's thread. */
  public List<RemediationOutcome> round() {
    try {
      List<RemediationOutcome> ended = follow.followUp();
      ended.forEach(outcome -> LOG.info("remediation {} of incident {}: {} ({})", outcome.plan().action(),
          outcome.plan().incident(), outcome.status(), outcome.detail()));
      return ended;
    } catch (RuntimeException e) {
      // A store that cannot be reached now, or a bug: the next round tries again; the schedule must survive.
      LOG.warn("following remediations failed: {}", e.toString());
      return List.of();
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
