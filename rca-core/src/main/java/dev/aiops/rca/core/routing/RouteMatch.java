package dev.aiops.rca.core.routing;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Source;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a route matches; every criterion given must hold, and an empty one holds for anything.
 *
 * @param sources the platforms, any of them
 * @param jobs name patterns of the job or pipeline, any of them
 * @param tags tag (or annotation) keys, each with a pattern its value must match; {@code *} only asks for the tag
 * @param owners patterns of the owner read from the configured owner tag keys, any of them
 * @param categories the root-cause categories, any of them
 * @param priorities the priorities the matrix decided, any of them
 */
public record RouteMatch(Set<Source> sources, List<Glob> jobs, Map<String, Glob> tags, List<Glob> owners,
    Set<Category> categories, Set<Priority> priorities) {

  /** Matches every failure: the default route's. */
  public static final RouteMatch ANY = new RouteMatch(Set.of(), List.of(), Map.of(), List.of(), Set.of(), Set.of());

  public RouteMatch {
    sources = Set.copyOf(sources);
    jobs = List.copyOf(jobs);
    tags = Map.copyOf(tags);
    owners = List.copyOf(owners);
    categories = Set.copyOf(categories);
    priorities = Set.copyOf(priorities);
  }

  /** Whether a failure with these facts, owner and priority is matched. */
  public boolean matches(RoutingFacts facts, Optional<String> owner, Priority priority) {
    Objects.requireNonNull(facts, "facts");
    return (sources.isEmpty() || sources.contains(facts.source()))
        && (jobs.isEmpty() || jobs.stream().anyMatch(job -> job.matches(facts.jobName())))
        && tags.entrySet().stream().allMatch(tag -> Tags.value(facts.tags(), tag.getKey())
            .or(() -> present(facts.tags(), tag.getKey()))
            .filter(value -> tag.getValue().matches(value))
            .isPresent())
        && (owners.isEmpty() || owner.filter(o -> owners.stream().anyMatch(glob -> glob.matches(o))).isPresent())
        && (categories.isEmpty() || categories.contains(facts.category()))
        && (priorities.isEmpty() || priorities.contains(priority));
  }

  /** A tag or annotation present without a value, which only the pattern {@code *} matches. */
  private static Optional<String> present(Map<String, String> tags, String key) {
    return tags.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key)) ? Optional.of("") : Optional.empty();
  }
}
