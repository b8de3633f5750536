package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Databricks run a Databricks activity started, read from its run page link.
 *
 * @param url the link as ADF gave it
 * @param host the workspace host
 * @param jobId the job id in the link
 * @param runId the run id in the link
 */
record AdfDatabricksLink(String url, String host, String jobId, String runId) {

  /** The legacy {@code /?o=<ws>#job/<job>/run/<run>} form ADF writes, and the modern {@code /jobs/<job>/runs/<run>}. */
  private static final Pattern LINK = Pattern.compile(
      "https://([A-Za-z0-9.-]+)(?::\\d+)?/?(?:\\?o=\\d+#job/(\\d+)/run/(\\d+)|jobs/(\\d+)/runs/(\\d+)(?:\\?o=\\d+)?)");

  /** The link of the activity: {@code output.runPageUrl}, else the one its error message ends with. */
  static Optional<AdfDatabricksLink> of(JsonNode activityRun) {
    Optional<AdfDatabricksLink> fromOutput = find(activityRun.path("output").path("runPageUrl").asText(""));
    return fromOutput.isPresent() ? fromOutput : find(activityRun.path("error").path("message").asText(""));
  }

  static Optional<AdfDatabricksLink> find(String text) {
    Matcher matcher = LINK.matcher(text == null ? "" : text);
    if (!matcher.find()) {
      return Optional.empty();
    }
    boolean legacy = matcher.group(2) != null;
    return Optional.of(new AdfDatabricksLink(matcher.group(), matcher.group(1),
        legacy ? matcher.group(2) : matcher.group(4), legacy ? matcher.group(3) : matcher.group(5)));
  }
}
