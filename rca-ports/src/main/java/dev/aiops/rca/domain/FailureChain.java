package dev.aiops.rca.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The runs a failure went through, outermost first: a parent pipeline run whose ExecutePipeline activity failed
 * because its child failed, the child, and the Databricks run that a Databricks activity of the child ran. The
 * innermost run is where the failure happened; the others only wrapped it. Every delivery of one chain is filed
 * under its innermost run, so that the chain makes one incident.
 *
 * @param links the runs, outermost first; at least one, the last is the innermost
 */
public record FailureChain(List<Link> links) {

  /**
   * One run of a chain.
   *
   * @param run the run
   * @param jobId the job id or pipeline name as the platform identifies it; empty when unknown
   * @param jobName the job or pipeline name; may be empty
   */
  public record Link(RunKey run, String jobId, String jobName) {
    public Link {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(jobName, "jobName");
    }

    /** The name to show people: the job name, else the job id, else the run. */
    public String displayName() {
      if (!jobName.isBlank()) {
        return jobName;
      }
      return jobId.isBlank() ? run.toString() : jobId;
    }

    /** How people read it in a ticket: {@code adf pl_parent, run ADF:1234}. */
    public String describe() {
      return run.source().name().toLowerCase(Locale.ROOT) + " " + displayName() + ", run " + run;
    }
  }

  public FailureChain {
    links = List.copyOf(links);
    if (links.isEmpty()) {
      throw new IllegalArgumentException("a failure chain has at least one run");
    }
  }

  /** The chain of a run that wrapped nothing and that nothing wrapped, as far as its platform said. */
  public static FailureChain of(FailureEvent event) {
    return new FailureChain(List.of(new Link(event.run(), event.jobId(), event.jobName())));
  }

  /** Where the failure happened: the run the chain is filed under. */
  public Link innermost() {
    return links.get(links.size() - 1);
  }

  /** The runs that only wrapped the failure, outermost first: its impact. */
  public List<Link> wrappers() {
    return links.subList(0, links.size() - 1);
  }
}
