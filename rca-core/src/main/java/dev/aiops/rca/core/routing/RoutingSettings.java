package dev.aiops.rca.core.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The deployment's routing settings.
 *
 * @param ownerTagKeys the tags or annotations that name a job's owner, tried in order ({@code RCA_OWNER_TAG_KEYS})
 * @param slaTagKey the tag or annotation that names a job's SLA ({@code RCA_SLA_TAG_KEY})
 * @param slaTiers each SLA value's tier, 1 the most demanding, keys lower case ({@code RCA_SLA_TIERS})
 * @param recurrenceThreshold the occurrence from which the priority rises one step
 *     ({@code RCA_PRIORITY_RECURRENCE})
 * @param runbookUrl the runbook URL template for a category the routes file names none for ({@code RCA_RUNBOOK_URL})
 */
public record RoutingSettings(List<String> ownerTagKeys, String slaTagKey, Map<String, Integer> slaTiers,
    int recurrenceThreshold, Optional<String> runbookUrl) {

  public static final List<String> DEFAULT_OWNER_TAG_KEYS = List.of("owner", "team");
  public static final String DEFAULT_SLA_TAG_KEY = "sla";
  public static final Map<String, Integer> DEFAULT_SLA_TIERS = Map.of("gold", 1, "silver", 2, "bronze", 3);

  public RoutingSettings {
    ownerTagKeys = List.copyOf(ownerTagKeys);
    Objects.requireNonNull(slaTagKey, "slaTagKey");
    if (slaTagKey.isBlank()) {
      throw new IllegalArgumentException("slaTagKey must not be blank");
    }
    Map<String, Integer> tiers = new LinkedHashMap<>();
    slaTiers.forEach((value, tier) -> {
      if (tier < 1) {
        throw new IllegalArgumentException("SLA tier of '" + value + "' must be at least 1, was " + tier);
      }
      tiers.put(value.strip().toLowerCase(Locale.ROOT), tier);
    });
    slaTiers = Map.copyOf(tiers);
    if (recurrenceThreshold < 2) {
      throw new IllegalArgumentException("recurrenceThreshold must be at least 2, was " + recurrenceThreshold);
    }
    Objects.requireNonNull(runbookUrl, "runbookUrl");
    runbookUrl.ifPresent(Runbooks::check);
  }

  /** The defaults: owner from {@code owner} then {@code team}, SLA from {@code sla} gold/silver/bronze. */
  public static RoutingSettings defaults() {
    return new RoutingSettings(DEFAULT_OWNER_TAG_KEYS, DEFAULT_SLA_TAG_KEY, DEFAULT_SLA_TIERS,
        PriorityMatrix.DEFAULT_RECURRENCE_THRESHOLD, Optional.empty());
  }

  /** The SLA tier named by the job's tags, if it has a known one. */
  public Optional<Integer> slaTierOf(Map<String, String> tags) {
    return Tags.value(tags, slaTagKey).map(v -> slaTiers.get(v.toLowerCase(Locale.ROOT)));
  }

  /** The owner named by the job's tags, if any. */
  public Optional<String> ownerOf(Map<String, String> tags) {
    return Tags.first(tags, ownerTagKeys);
  }

  /**
   * The SLA values and their tiers written {@code gold:1,silver:2,bronze:3} (1 the most urgent); the defaults when
   * blank, or when a pair is not one, which is then a problem named after {@code setting}.
   */
  public static Map<String, Integer> parseSlaTiers(String setting, Optional<String> text, List<String> problems) {
    if (text.isEmpty() || text.get().isBlank()) {
      return DEFAULT_SLA_TIERS;
    }
    Map<String, Integer> tiers = new LinkedHashMap<>();
    for (String pair : text.get().split(",")) {
      String[] parts = pair.split(":", 2);
      try {
        int tier = Integer.parseInt(parts.length == 2 ? parts[1].strip() : "");
        if (parts[0].isBlank() || tier < 1 || tier > 3) {
          throw new NumberFormatException();
        }
        tiers.put(parts[0].strip(), tier);
      } catch (NumberFormatException e) {
        problems.add(setting + " must list value:tier pairs with tiers 1 to 3, such as gold:1,silver:2,bronze:3; '"
            + pair.strip() + "' is not one");
        return DEFAULT_SLA_TIERS;
      }
    }
    return tiers;
  }
}
