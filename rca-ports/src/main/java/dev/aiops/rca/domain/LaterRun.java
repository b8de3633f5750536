package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest run that did a failed run's work again, as its platform reports it: an ADF rerun in the failed run's
 * run group, or a later run of the same pipeline with the same parameters. A succeeded one means the failure is
 * recovered.
 *
 * @param run the later run
 * @param state its state
 * @param at when it last changed (ended, for a finished run)
 * @param how how it relates to the failed run, for people: {@code "rerun in run group <id>"}
 */
public record LaterRun(RunKey run, RunState state, Instant at, String how) {
  public LaterRun {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(how, "how");
  }
}
