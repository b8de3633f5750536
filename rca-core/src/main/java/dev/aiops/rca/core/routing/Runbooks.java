package dev.aiops.rca.core.routing;

import dev.aiops.rca.domain.Category;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runbook URLs: the route's own template, else the routes file's template for the category, else the deployment's
 * ({@code RCA_RUNBOOK_URL}). Placeholders {@code {job}}, {@code {task}} and {@code {category}} are filled in
 * URL-encoded, so a job name with spaces or {@code &} cannot break the link or add a query parameter.
 */
public final class Runbooks {

  private final Map<Category, String> perCategory;
  private final Optional<String> fallback;

  /**
   * @param perCategory a template per category
   * @param fallback the template for every other category, if any
   */
  public Runbooks(Map<Category, String> perCategory, Optional<String> fallback) {
    this.perCategory = Map.copyOf(perCategory);
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.perCategory.values().forEach(Runbooks::check);
    fallback.ifPresent(Runbooks::check);
  }

  /** The runbook of a failure routed by {@code route}, filled in; empty when none is configured. */
  public Optional<String> url(Route route, RoutingFacts facts) {
    return route.runbook()
        .or(() -> Optional.ofNullable(perCategory.get(facts.category())))
        .or(() -> fallback)
        .map(template -> fill(template, facts.jobName(), facts.task(), facts.category()));
  }

  /** The template with its placeholders replaced by the URL-encoded values. */
  public static String fill(String template, String job, String task, Category category) {
    return template.replace("{job}", encode(job)).replace("{task}", encode(task))
        .replace("{category}", encode(category.name()));
  }

  /**
   * Refuses a template that is not an http(s) URL, which a card or a ticket could not link to.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static String check(String template) {
    Objects.requireNonNull(template, "template");
    String lower = template.strip().toLowerCase(java.util.Locale.ROOT);
    if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
      throw new IllegalArgumentException("a runbook must be an http(s) URL, was '" + template + "'");
    }
    if (template.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("a runbook URL must not contain spaces or control characters");
    }
    return template;
  }

  private static String encode(String value) {
    // URLEncoder writes form encoding; a space in a path or query of a link reads as %20.
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
