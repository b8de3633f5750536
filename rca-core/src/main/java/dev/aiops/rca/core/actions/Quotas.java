package dev.aiops.rca.core.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Names the quota or rate limit that was hit, with its region, limit and what was asked for. */
final class Quotas {

  // Formats parsed:
  // - Azure Resource Manager QuotaExceeded "Operation could not be completed as it results in exceeding approved
  //   <family> Cores quota. Additional details - Deployment Model: Resource Manager, Location: <region>, Current
  //   Limit: <n>, Current Usage: <n>, Additional Required: <n>, (Minimum) New Limit Required: <n>." (Microsoft
  //   "Resolve errors for resource provider quotas" / "vCPU quotas").
  // - Azure Databricks cluster launch "azure_error_code: OperationNotAllowed, azure_error_message: Operation results
  //   in exceeding quota limits of Core. Maximum allowed: <n>, Current in use: <n>, Additional requested: <n>."
  // - AWS EC2 InstanceLimitExceeded "Your quota allows for <n> more running instance(s)" / "than your current
  //   instance limit of <n>", and VcpuLimitExceeded "than your current vCPU limit of <n> allows".
  // - HTTP 429 rate limits: "Retry-After: <s>", Databricks "exceeding rate limit: <n> job creations per <s> seconds",
  //   "too many 429 error responses" with the request URL.

  private static final Pattern ARM_CORES = Pattern.compile(
      "exceeding approved ([\\w ]{1,80}?) (?:Cores )?quota\\b.{0,300}?Location: ([\\w-]{1,60}), Current Limit: (\\d{1,9}),"
          + " Current Usage: (\\d{1,9}), Additional Required: (\\d{1,9}), \\(Minimum\\) New Limit Required: (\\d{1,9})",
      Pattern.DOTALL);
  private static final Pattern ARM_CORES_SHORT = Pattern.compile("exceeding approved ([\\w ]{1,80}?) quota");
  private static final Pattern LOCATION = Pattern.compile("\\bLocation: ([\\w-]{1,60})");
  private static final Pattern DBX_CORES = Pattern.compile(
      "exceeding quota limits of (\\w[\\w ]{0,60}?)\\. Maximum allowed: (\\d{1,9}), Current in use: (\\d{1,9}),"
          + " Additional requested: (\\d{1,9})");
  private static final Pattern AWS_INSTANCE = Pattern.compile(
      "InstanceLimitExceeded.{0,400}?(?:quota allows for (\\d{1,6}) more running instance|current instance limit of"
          + " (\\d{1,6}))", Pattern.DOTALL);
  private static final Pattern AWS_VCPU = Pattern.compile("current vCPU limit of (\\d{1,7})");
  private static final Pattern AWS_VCPU_CODE = Pattern.compile("VcpuLimitExceeded");
  private static final Pattern AWS_REGION = Pattern.compile("\\b((?:us|eu|ap|ca|sa|me|af|il)-[a-z]{4,10}-\\d)\\b");
  private static final Pattern NODE_TYPE = Pattern.compile(
      "\\b(Standard_[A-Za-z0-9_]{2,40}|[a-z]\\d[a-z]{0,3}\\.\\d{0,2}x?large)\\b");
  private static final Pattern RATE = Pattern.compile(
      "rate limit:? (\\d{1,9} [\\w ]{1,60}? per (?:\\d{1,9} )?(?:seconds?|minutes?|hours?|days?|second|minute|hour|day))");
  private static final Pattern PER_HOUR = Pattern.compile(
      "\\b(\\d{1,9} [a-z ]{1,40}? per (?:hour|minute|second|day))\\b");
  private static final Pattern RETRY_AFTER = Pattern.compile(
      "(?i)Retry-After\"?:?\\s*\"?(\\d{1,6})|retry after (\\d{1,6}) ?s");
  private static final Pattern TOO_MANY = Pattern.compile(
      "(?i)\\b429\\b|too many requests|REQUEST_LIMIT_EXCEEDED|rate limit");
  private static final Pattern URL_PATH = Pattern.compile("(?:url: |https?://[^/\\s]{1,200})(/api/[\\w./-]{1,200})");

  private Quotas() {}

  static List<String> actions(Texts texts) {
    Optional<MatchResult> arm = texts.first(ARM_CORES);
    if (arm.isPresent()) {
      MatchResult m = arm.get();
      String quota = m.group(1).strip() + (m.group(0).contains("Cores quota") ? " Cores" : "");
      return List.of("Request a quota increase for " + Texts.q(quota) + " in " + Texts.q(m.group(2)) + " from "
          + m.group(3) + " to at least " + m.group(6) + " (" + m.group(4) + " in use, " + m.group(5)
          + " more required), or use a node type from another VM family" + than(texts) + " or fewer workers.");
    }
    Optional<MatchResult> dbx = texts.first(DBX_CORES);
    if (dbx.isPresent()) {
      MatchResult m = dbx.get();
      String quota = m.group(1).strip();
      long needed = Long.parseLong(m.group(3)) + Long.parseLong(m.group(4));
      return List.of("Request an increase of the " + Texts.q(quota) + " quota"
          + (quota.equalsIgnoreCase("Core") ? " (total regional vCPUs)" : "") + region(texts) + " from " + m.group(2)
          + " to at least " + needed + " (" + m.group(3) + " in use plus " + m.group(4) + " requested), or use fewer"
          + " or smaller nodes" + than(texts) + ", or stop other clusters sharing the quota.");
    }
    Optional<MatchResult> armShort = texts.first(ARM_CORES_SHORT);
    if (armShort.isPresent()) {
      return List.of("Request a quota increase for " + Texts.q(armShort.get().group(1).strip()) + region(texts)
          + ", or use a node type from another VM family" + than(texts) + ".");
    }
    Optional<MatchResult> vcpu = texts.first(AWS_VCPU);
    if (vcpu.isPresent() || texts.has(AWS_VCPU_CODE)) {
      String limit = vcpu.map(m -> " (currently " + m.group(1) + " vCPUs)").orElse("");
      return List.of("Request an EC2 vCPU quota increase for the instance family"
          + nodeType(texts).map(n -> " of " + n).orElse("") + awsRegion(texts)
          + limit + " in AWS Service Quotas, or use fewer or smaller instances.");
    }
    Optional<MatchResult> instance = texts.first(AWS_INSTANCE);
    if (instance.isPresent()) {
      MatchResult m = instance.get();
      String limit = m.group(1) != null ? " (the quota allows " + m.group(1) + " more running instances)"
          : " (current limit " + m.group(2) + " instances)";
      return List.of("Request an EC2 instance limit increase"
          + nodeType(texts).map(n -> " for " + n).orElse("") + awsRegion(texts) + limit
          + ", or use fewer or another instance type.");
    }
    return rate(texts);
  }

  private static List<String> rate(Texts texts) {
    Optional<String> rate = texts.first(RATE).map(m -> m.group(1).strip())
        .or(() -> texts.first(PER_HOUR).map(m -> m.group(1).strip()));
    Optional<String> retryAfter = texts.first(RETRY_AFTER).map(m -> m.group(1) != null ? m.group(1) : m.group(2));
    boolean throttled = rate.isPresent() || retryAfter.isPresent() || texts.has(TOO_MANY);
    if (!throttled) {
      return List.of();
    }
    Optional<String> endpoint = texts.first(URL_PATH).map(m -> m.group(1));
    Optional<String> batch = texts.detail("batchCount", "typeProperties.batchCount", "max_concurrent_runs");
    List<String> out = new ArrayList<>();
    if (rate.isPresent()) {
      out.add("The run exceeded the rate limit of " + rate.get() + ": spread the calls over time, or lower the"
          + " concurrency" + batch.map(b -> " (" + batchKey(texts) + " is " + b + ")").orElse("")
          + " so fewer are made per window.");
    } else if (endpoint.isPresent() || retryAfter.isPresent() || batch.isPresent()) {
      out.add("Calls" + endpoint.map(e -> " to " + Texts.q(e)).orElse("") + " were throttled with HTTP 429"
          + retryAfter.map(r -> " (Retry-After " + r + " s)").orElse("") + ": lower the parallelism"
          + batch.map(b -> " (" + batchKey(texts) + " is " + b + ")").orElse("")
          + " and retry with backoff that honours Retry-After.");
    }
    return out;
  }

  private static String batchKey(Texts texts) {
    return texts.detail("batchCount", "typeProperties.batchCount").isPresent() ? "ForEach `batchCount`"
        : "`max_concurrent_runs`";
  }

  private static String region(Texts texts) {
    return texts.first(LOCATION).map(m -> " in " + Texts.q(m.group(1))).orElse("");
  }

  private static String awsRegion(Texts texts) {
    return texts.first(AWS_REGION).map(m -> " in " + Texts.q(m.group(1))).orElse("");
  }

  private static String than(Texts texts) {
    return nodeType(texts).map(n -> " than " + n).orElse("");
  }

  private static Optional<String> nodeType(Texts texts) {
    return texts.detail("new_cluster.node_type_id", "node_type_id", "new_cluster.driver_node_type_id")
        .or(() -> texts.first(NODE_TYPE).map(m -> m.group(1))).map(Texts::q);
  }
}
