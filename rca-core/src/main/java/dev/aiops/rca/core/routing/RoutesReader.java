package dev.aiops.rca.core.routing;

import dev.aiops.rca.core.routing.RoutesDocument.Mapping;
import dev.aiops.rca.core.routing.RoutesDocument.Node;
import dev.aiops.rca.core.routing.RoutesDocument.Scalar;
import dev.aiops.rca.core.routing.RoutesDocument.Sequence;
import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.domain.Source;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands a routes file ({@code docs/routing.md}) and reports every problem in it with its line, so that a bad
 * file refuses the start instead of routing incidents nowhere. A value written {@code ${NAME}} is read from the
 * environment, so that a Teams webhook or a PagerDuty key need not sit in the file. A problem never quotes a value
 * that could be a secret.
 */
public final class RoutesReader {

  private static final Set<String> TOP = Set.of("routes", "default", "runbooks");
  private static final Set<String> DESTINATION_KEYS = Set.of("slack", "teams", "pagerduty", "email", "jira",
      "servicenow", "runbook", "priority");
  private static final Set<String> MATCH_KEYS = Set.of("source", "job", "tags", "owner", "category", "priority");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern CHANNEL = Pattern.compile("#[a-z0-9][a-z0-9._-]{0,79}|[CGD][A-Z0-9]{2,}");
  private static final Pattern MENTION = Pattern.compile("@?([UW][A-Z0-9]{2,}|S[A-Z0-9]{2,}|here|channel|everyone)");
  private static final Pattern PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{0,254}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final Function<String, Optional<String>> environment;
  private final List<String> problems;
  private final int clean;

  private RoutesReader(Function<String, Optional<String>> environment, List<String> problems) {
    this.environment = environment;
    this.problems = problems;
    this.clean = problems.size();
  }

  /**
   * The routes of a document; each problem is added to {@code problems} as {@code line: reason}, and the routes
   * are {@link Routes#NONE} when there is any.
   *
   * @param document the file's content; empty when the file holds nothing
   * @param environment the value of a {@code ${NAME}}, if set
   */
  public static Routes read(Optional<Node> document, Function<String, Optional<String>> environment,
      List<String> problems) {
    return new RoutesReader(environment, problems).routes(document);
  }

  private Routes routes(Optional<Node> document) {
    if (document.isEmpty()) {
      problem(1, "the file is empty: give at least a default route (see docs/routing.md)");
      return Routes.NONE;
    }
    Optional<Mapping> top = mapping(document.get(), "the file", TOP);
    if (top.isEmpty()) {
      return Routes.NONE;
    }
    List<Route> routes = new ArrayList<>();
    Set<String> names = new HashSet<>(Set.of(Assignment.DEFAULT_ROUTE));
    Node list = top.get().entries().get("routes");
    if (list instanceof Sequence sequence) {
      for (Node item : sequence.items()) {
        route(item, names).ifPresent(routes::add);
      }
    } else if (list != null) {
      problem(list.line(), "routes must be a list of routes");
    }
    Route fallback = Optional.ofNullable(top.get().entries().get("default"))
        .flatMap(node -> mapping(node, "the default route", DESTINATION_KEYS))
        .map(m -> new Route(Assignment.DEFAULT_ROUTE, RouteMatch.ANY, destinations(m),
            scalar(m, "runbook").flatMap(this::runbook), scalar(m, "priority").flatMap(this::priority)))
        .orElse(Route.fallback(Destinations.DEFAULTS));
    Map<Category, String> runbooks = new EnumMap<>(Category.class);
    Optional.ofNullable(top.get().entries().get("runbooks")).flatMap(node -> mapping(node, "runbooks", null))
        .ifPresent(m -> m.entries().forEach((key, value) -> {
          Optional<Category> category = category(new Scalar(key, m.keyLines().get(key)));
          Optional<String> url = text(value).flatMap(v -> runbook(new Scalar(v, value.line())));
          if (category.isPresent() && url.isPresent()) {
            runbooks.put(category.get(), url.get());
          }
        }));
    // Routes refuses what was reported already (a name used twice); built only from a clean file.
    return problems.size() == clean ? new Routes(routes, fallback, runbooks) : Routes.NONE;
  }

  private Optional<Route> route(Node node, Set<String> names) {
    Set<String> keys = new HashSet<>(DESTINATION_KEYS);
    keys.addAll(Set.of("name", "match"));
    Optional<Mapping> entry = mapping(node, "a route", keys);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = entry.get();
    Optional<Scalar> name = scalar(m, "name");
    if (name.isEmpty() || name.get().text().isBlank()) {
      problem(m.line(), "a route needs a name");
      return Optional.empty();
    }
    if (!names.add(name.get().text())) {
      problem(name.get().line(), "route name '" + name.get().text() + "' is used twice (or is 'default', which "
          + "names the default route)");
    }
    RouteMatch match = Optional.ofNullable(m.entries().get("match"))
        .flatMap(n -> mapping(n, "match", MATCH_KEYS)).map(this::match).orElse(RouteMatch.ANY);
    Destinations destinations = destinations(m);
    Optional<String> runbook = scalar(m, "runbook").flatMap(this::runbook);
    Optional<Priority> floor = scalar(m, "priority").flatMap(this::priority);
    return Optional.of(new Route(name.get().text(), match, destinations, runbook, floor));
  }

  private RouteMatch match(Mapping m) {
    Set<Source> sources = new HashSet<>();
    list(m, "source").forEach(s -> choice(s, Source.class, "a source (databricks or adf)").ifPresent(sources::add));
    List<Glob> jobs = list(m, "job").stream().map(s -> Glob.of(s.text())).toList();
    Map<String, Glob> tags = new LinkedHashMap<>();
    Optional.ofNullable(m.entries().get("tags")).flatMap(n -> mapping(n, "tags", null))
        .ifPresent(t -> t.entries().forEach((key, value) -> text(value).ifPresent(v -> tags.put(key, Glob.of(v)))));
    List<Glob> owners = list(m, "owner").stream().map(s -> Glob.of(s.text())).toList();
    Set<Category> categories = new HashSet<>();
    list(m, "category").forEach(s -> category(s).ifPresent(categories::add));
    Set<Priority> priorities = new HashSet<>();
    list(m, "priority").forEach(s -> priority(s).ifPresent(priorities::add));
    return new RouteMatch(sources, jobs, tags, owners, categories, priorities);
  }

  private Destinations destinations(Mapping m) {
    Optional<Mapping> slack = section(m, "slack", Set.of("channel", "mentions"));
    Optional<String> channel = slack.flatMap(s -> scalar(s, "channel")).flatMap(c -> checked(c, CHANNEL,
        "a Slack channel must be #name (lower case) or a channel id such as C0123ABCD"));
    List<String> mentions = new ArrayList<>();
    slack.ifPresent(s -> list(s, "mentions").forEach(x -> checked(x, MENTION, "a Slack mention must be a user id "
        + "(U…), a user group id (S…), here, channel or everyone").ifPresent(mentions::add)));
    Optional<Secret> teams = section(m, "teams", Set.of("webhook")).flatMap(t -> scalar(t, "webhook"))
        .flatMap(w -> https(w, "a Teams webhook")).map(Secret::new);
    Optional<Secret> pagerDuty = section(m, "pagerduty", Set.of("routingKey")).flatMap(p -> scalar(p, "routingKey"))
        .filter(k -> !k.text().isBlank()).map(k -> new Secret(k.text()));
    List<String> email = new ArrayList<>();
    list(m, "email").forEach(e -> checked(e, EMAIL, "not an e-mail address").ifPresent(email::add));
    Optional<Mapping> jira = section(m, "jira", Set.of("project", "component", "assignee"));
    Optional<String> project = jira.flatMap(j -> scalar(j, "project")).flatMap(p -> checked(p, PROJECT,
        "a Jira project key is upper case, such as OPS"));
    Optional<String> component = jira.flatMap(j -> scalar(j, "component")).map(Scalar::text);
    Optional<String> assignee = jira.flatMap(j -> scalar(j, "assignee")).map(Scalar::text);
    Optional<String> group = section(m, "servicenow", Set.of("assignmentGroup"))
        .flatMap(s -> scalar(s, "assignmentGroup")).map(Scalar::text);
    return new Destinations(channel, mentions, teams, pagerDuty, email, project, component, assignee, group);
  }

  private Optional<Mapping> section(Mapping m, String key, Set<String> keys) {
    return Optional.ofNullable(m.entries().get(key)).flatMap(n -> mapping(n, key, keys));
  }

  /** A mapping with only {@code keys} (any when null); a problem and empty else. */
  private Optional<Mapping> mapping(Node node, String what, Set<String> keys) {
    if (!(node instanceof Mapping m)) {
      problem(node.line(), what + " must be a mapping of keys to values");
      return Optional.empty();
    }
    if (keys != null) {
      m.entries().keySet().stream().filter(k -> !keys.contains(k)).forEach(k -> problem(m.keyLines().get(k),
          "unknown key '" + k + "' in " + what + " (known: " + String.join(", ", keys.stream().sorted().toList())
              + ")"));
    }
    return Optional.of(m);
  }

  private Optional<Scalar> scalar(Mapping m, String key) {
    Node node = m.entries().get(key);
    if (node == null) {
      return Optional.empty();
    }
    return text(node).map(v -> new Scalar(v, node.line()));
  }

  /** One value or a list of them. */
  private List<Scalar> list(Mapping m, String key) {
    Node node = m.entries().get(key);
    if (node == null) {
      return List.of();
    }
    List<Node> items = node instanceof Sequence s ? s.items() : List.of(node);
    List<Scalar> values = new ArrayList<>();
    items.forEach(item -> text(item).ifPresent(v -> values.add(new Scalar(v, item.line()))));
    return values;
  }

  /** A scalar's text with its {@code ${NAME}} variables filled in; a problem and empty when it is not a scalar. */
  private Optional<String> text(Node node) {
    if (!(node instanceof Scalar s)) {
      problem(node.line(), "expected a single value here");
      return Optional.empty();
    }
    Matcher variable = VARIABLE.matcher(s.text());
    StringBuilder filled = new StringBuilder();
    while (variable.find()) {
      Optional<String> value = environment.apply(variable.group(1));
      if (value.isEmpty()) {
        problem(s.line(), "${" + variable.group(1) + "} is not set in the environment");
        return Optional.empty();
      }
      variable.appendReplacement(filled, Matcher.quoteReplacement(value.get()));
    }
    variable.appendTail(filled);
    return Optional.of(filled.toString().strip());
  }

  private Optional<String> checked(Scalar value, Pattern pattern, String reason) {
    if (pattern.matcher(value.text()).matches()) {
      return Optional.of(value.text().replaceFirst("^@", ""));
    }
    // The value is not quoted: this message is printed, and the value could be a key.
    problem(value.line(), reason);
    return Optional.empty();
  }

  private Optional<String> https(Scalar value, String what) {
    if (value.text().startsWith("https://")) {
      return Optional.of(value.text());
    }
    problem(value.line(), what + " must be an https:// URL");
    return Optional.empty();
  }

  private Optional<String> runbook(Scalar value) {
    try {
      return Optional.of(Runbooks.check(value.text()));
    } catch (IllegalArgumentException e) {
      problem(value.line(), e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<Priority> priority(Scalar value) {
    return choice(value, Priority.class, "a priority (P1, P2, P3 or P4)");
  }

  private Optional<Category> category(Scalar value) {
    return choice(value, Category.class, "a category (see eval/CATEGORIES.md)");
  }

  private <E extends Enum<E>> Optional<E> choice(Scalar value, Class<E> type, String what) {
    for (E option : type.getEnumConstants()) {
      if (option.name().equalsIgnoreCase(value.text())) {
        return Optional.of(option);
      }
    }
    problem(value.line(), "'" + value.text().toLowerCase(Locale.ROOT) + "' is not " + what);
    return Optional.empty();
  }

  private void problem(int line, String reason) {
    problems.add(line + ": " + reason);
  }
}
