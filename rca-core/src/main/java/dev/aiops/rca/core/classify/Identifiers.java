package dev.aiops.rca.core.classify;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.ClassificationLayer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layer 2: vendor identifiers in a statement, looked up in their own catalogue and our mapping of it. In order:
 * Spark/Delta condition tags, Entra ID {@code AADSTS} codes, SQL Server error numbers, Data Factory codes, cloud
 * service codes (Azure Storage, ARM, Cosmos DB, EC2, GCE), then bare Databricks codes (REST {@code error_code},
 * cluster and job termination codes) and condition names. An identifier mapped to no category on purpose (a
 * wrapper, a generic code) lets the next one speak.
 */
final class Identifiers {

  private static final Pattern TAG = Pattern.compile("\\[(_?[A-Z][A-Z0-9_]{2,}(?:\\.[A-Z0-9_]+)*)\\]");
  private static final Pattern ERROR_CLASS = Pattern.compile(
      "(?i)\\berror[ _]?class['\"]?\\s*[=:]\\s*['\"]?([A-Z][A-Z0-9_]{2,}(?:\\.[A-Z0-9_]+)*)");
  private static final Pattern AADSTS = Pattern.compile("\\b(AADSTS\\d{5,})\\b");
  private static final List<Pattern> SQL_NUMBERS = List.of(
      Pattern.compile("(?i)\\bSqlErrorNumber=(-?\\d+)"),
      Pattern.compile("(?i)\\bSql error number:?\\s*(-?\\d+)"),
      Pattern.compile("\\bMsg (\\d+), Level \\d+"),
      Pattern.compile("\\bNumber=(-?\\d+),"),
      Pattern.compile("(?i)\\berror ?number:?\\s*(-?\\d+)"),
      Pattern.compile("\\bSQL Error \\[(\\d+)\\]"),
      Pattern.compile("(?i)\\bSQL Server error (\\d+)"));
  private static final List<Pattern> ADF_CODES = List.of(
      Pattern.compile("\\bErrorCode=([A-Za-z0-9][\\w-]*)"),
      Pattern.compile("\"errorCode\"\\s*:\\s*\"([\\w-]+)\""),
      Pattern.compile("\\b(DF-[A-Za-z0-9]+-[A-Za-z0-9]+)\\b"),
      Pattern.compile("(?i)\\berror ?code[:=]?\\s*'?(\\d{4})\\b"));
  private static final List<Pattern> CLOUD_CODE_CONTEXTS = List.of(
      Pattern.compile("(?i)\\b(?:ErrorCode|error[ _]code|x-ms-error-code|azure_error_code|Code)['\"]?\\s*[:=]\\s*"
          + "['\"]?([A-Za-z][A-Za-z0-9_]+)"),
      Pattern.compile("<Code>([A-Za-z]+)</Code>"),
      Pattern.compile("\"code\"\\s*:\\s*\"([A-Za-z][A-Za-z0-9_]+)\""));
  private static final Pattern REST_ERROR_CODE = Pattern.compile(
      "(?i)\\berror_code['\"]?\\s*[:=]\\s*['\"]?([A-Z][A-Z_]{3,})\\b");
  // The Databricks SDK raises one class per error code (databricks.sdk.errors.platform.ResourceDoesNotExist).
  private static final Pattern SDK_ERROR = Pattern.compile("\\berrors\\.platform\\.([A-Z][A-Za-z]+)\\b");
  private static final Pattern CAMEL = Pattern.compile("\\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)\\b");
  private static final Pattern UPPER = Pattern.compile(
      "(?<![\\w.-])([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+(?:\\.[A-Z0-9_]+)?)(?![\\w-])");

  private final Conditions conditions;
  private final ConditionMapping conditionMapping;
  private final MappingTable aadsts = MappingTable.load("aadsts");
  private final MappingTable sqlServer = MappingTable.load("sqlserver-errors");
  private final MappingTable adf = MappingTable.load("adf-codes");
  private final MappingTable cloud = MappingTable.load("cloud-codes");
  private final MappingTable restCodes = MappingTable.load("databricks-error-codes");
  private final MappingTable clusterCodes = MappingTable.load("databricks-cluster-termination");
  private final MappingTable jobCodes = MappingTable.load("databricks-job-termination");
  private final MappingTable clusterEvents = MappingTable.load("databricks-cluster-events");
  private final MappingTable failureTypes = MappingTable.load("adf-failure-types");
  private final MappingTable terminationTypes = MappingTable.load("databricks-termination-types");
  private final Set<String> storageCodes = new HashSet<>();
  private final Set<String> knownRestCodes = new HashSet<>();
  private final Set<String> knownClusterCodes = new HashSet<>();
  private final Set<String> knownJobCodes = new HashSet<>();

  Identifiers(Conditions conditions, ConditionMapping conditionMapping) {
    this.conditions = conditions;
    this.conditionMapping = conditionMapping;
    TabSeparated.catalogue("azure-storage-error-codes").forEach(row -> storageCodes.add(row.get(0)));
    TabSeparated.catalogue("databricks-error-codes").forEach(row -> knownRestCodes.add(row.get(0)));
    TabSeparated.catalogue("databricks-cluster-termination-codes").forEach(row -> knownClusterCodes.add(row.get(0)));
    TabSeparated.catalogue("databricks-job-termination-codes").forEach(row -> knownJobCodes.add(row.get(0)));
  }

  /** The first identifier of the statement that maps to a category. */
  Optional<Verdict> classify(String text) {
    return inContext(text).or(() -> bare(text));
  }

  /**
   * Only identifiers that their text marks as such ({@code [TAG]}, {@code ErrorCode=}, {@code SqlErrorNumber=},
   * {@code azure_error_code:}, {@code AADSTS...}): for the words wrappers said around a cause, which also name run
   * states and activity names that must not be read as codes.
   */
  Optional<Verdict> inContext(String text) {
    return conditionTags(text)
        .or(() -> first(AADSTS, text, code -> mapped(aadsts, code, code)))
        .or(() -> firstOf(SQL_NUMBERS, text, n -> mapped(sqlServer, n, "SQL Server error " + n)))
        .or(() -> firstOf(ADF_CODES, text, this::adfCode))
        .or(() -> first(REST_ERROR_CODE, text, code -> mapped(restCodes, code, "Databricks error_code " + code)))
        .or(() -> first(SDK_ERROR, text, name -> mapped(restCodes, snake(name), "Databricks SDK error " + name)))
        .or(() -> cloudCodeInContext(text));
  }

  private Optional<Verdict> bare(String text) {
    Matcher camel = CAMEL.matcher(text);
    while (camel.find()) {
      Optional<Verdict> v = cloudLookup(camel.group(1), false);
      if (v.isPresent()) {
        return v;
      }
    }
    return bareUpper(text);
  }

  /** A Data Factory code (an activity's errorCode, an inner ErrorCode=, a data-flow code). */
  Optional<Verdict> adfCode(String code) {
    return adfRow(code).flatMap(row -> row.category().map(c -> verdict(c, "Data Factory code " + code)));
  }

  /** The mapping row of a Data Factory code; for DF-Area-Reason codes the rules read the Reason half. */
  Optional<MappingTable.Row> adfRow(String code) {
    String key = code.startsWith("DF-") ? reasonOf(code) : code;
    return adf.exact(code).or(() -> adf.rule(key));
  }

  /** The category of an ADF failure type, if it says one. */
  Optional<Category> failureType(String type) {
    return failureTypes.exact(type).flatMap(MappingTable.Row::category);
  }

  /** The category of a Databricks termination type, for a code no table knows. */
  Optional<Category> terminationType(String type) {
    return terminationTypes.exact(type).flatMap(MappingTable.Row::category);
  }

  /** Whether the Jobs termination code has a row, with or without a category. */
  boolean knowsJobTermination(String code) {
    return jobCodes.lookup(code).isPresent();
  }

  /** A Databricks Jobs termination code (status.termination_details.code). */
  Optional<Verdict> jobTermination(String code) {
    return mapped(jobCodes, code, "Databricks job termination code " + code);
  }

  private Optional<Verdict> conditionTags(String text) {
    Matcher tag = TAG.matcher(text);
    while (tag.find()) {
      Optional<Verdict> v = condition(tag.group(1), true);
      if (v.isPresent()) {
        return v;
      }
    }
    return first(ERROR_CLASS, text, name -> condition(name, true));
  }

  private Optional<Verdict> condition(String name, boolean tagged) {
    String parent = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    Optional<Condition> known = conditions.get(name).or(() -> conditions.get(parent));
    if (known.isPresent()) {
      Condition c = known.get();
      String label = (c.taxonomy().equals("delta") ? "Delta" : "Spark") + " condition " + name
          + (c.sqlState().isBlank() ? "" : " (SQLSTATE " + c.sqlState() + ")");
      return conditionMapping.of(c.name().equals(name) ? c : new Condition(c.taxonomy(), name, c.sqlState(),
              c.templates()))
          .flatMap(m -> m.category().map(cat -> verdict(cat, label + ", by " + m.basis())));
    }
    if (!tagged) {
      return Optional.empty();
    }
    // A condition in no pinned catalogue (Databricks Runtime adds its own): its name's tokens may still tell.
    return conditionMapping.byName(name, parent)
        .flatMap(m -> m.category().map(cat -> verdict(cat, "condition " + name + " (not in the pinned catalogues), by "
            + m.basis())));
  }

  private Optional<Verdict> cloudCodeInContext(String text) {
    for (Pattern context : CLOUD_CODE_CONTEXTS) {
      Matcher m = context.matcher(text);
      while (m.find()) {
        Optional<Verdict> v = cloudLookup(m.group(1), true);
        if (v.isPresent()) {
          return v;
        }
      }
    }
    return Optional.empty();
  }

  /** In a code context any known or rule-shaped code counts; bare in prose, only a code a catalogue lists. */
  private Optional<Verdict> cloudLookup(String code, boolean inContext) {
    boolean known = storageCodes.contains(code) || cloud.hasExact(code);
    if (!known && !inContext) {
      return Optional.empty();
    }
    return cloud.lookup(code).flatMap(r -> r.category().map(c -> verdict(c, "cloud error code " + code)));
  }

  private Optional<Verdict> bareUpper(String text) {
    Matcher m = UPPER.matcher(text);
    while (m.find()) {
      String token = m.group(1);
      Optional<Verdict> v = Optional.<Verdict>empty();
      if (knownRestCodes.contains(token) || restCodes.hasExact(token)) {
        v = mapped(restCodes, token, "Databricks error_code " + token);
      } else if (knownClusterCodes.contains(token) || clusterCodes.hasExact(token)) {
        v = mapped(clusterCodes, token, "Databricks cluster termination code " + token);
      } else if (knownJobCodes.contains(token)) {
        v = jobTermination(token);
      } else if (clusterEvents.hasExact(token)) {
        v = mapped(clusterEvents, token, "Databricks cluster event " + token);
      } else if (cloud.hasExact(token)) {
        v = mapped(cloud, token, "cloud error code " + token);
      } else {
        v = condition(token, false);
      }
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  private static Optional<Verdict> mapped(MappingTable table, String key, String label) {
    return table.lookup(key).flatMap(row -> row.category().map(c -> verdict(c, label)));
  }

  private static Verdict verdict(Category category, String evidence) {
    return new Verdict(category, ClassificationLayer.IDENTIFIER, evidence, Verdict.IDENTIFIER);
  }

  private static Optional<Verdict> first(Pattern pattern, String text, Function<String, Optional<Verdict>> lookup) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      Optional<Verdict> v = lookup.apply(m.group(1));
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  private static Optional<Verdict> firstOf(List<Pattern> patterns, String text,
      Function<String, Optional<Verdict>> lookup) {
    for (Pattern pattern : patterns) {
      Optional<Verdict> v = first(pattern, text, lookup);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /** {@code ResourceDoesNotExist} as the error code it stands for, {@code RESOURCE_DOES_NOT_EXIST}. */
  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private static String reasonOf(String dfCode) {
    int second = dfCode.indexOf('-', 3);
    return second < 0 ? dfCode : dfCode.substring(second + 1);
  }
}
