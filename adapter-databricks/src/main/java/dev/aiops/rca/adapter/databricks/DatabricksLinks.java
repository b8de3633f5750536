package dev.aiops.rca.adapter.databricks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Run page links: the modern form people can open, and the run ids that error texts point to. */
public final class DatabricksLinks {

  private static final Pattern LEGACY =
      Pattern.compile("^(https?://[^/?#]+)/?\\?o=(\\d+)#job/(\\d+)/run/(\\d+)$");
  private static final Pattern RUN_IN_TEXT =
      Pattern.compile("(?:#job/\\d+/run/|/jobs/\\d+/runs/)(\\d{1,19})\\b");

  private DatabricksLinks() {}

  /**
   * The modern {@code https://host/jobs/<job>/runs/<run>?o=<workspace>} form of a legacy run page link; other
   * links are returned unchanged. Non-admin users who follow the legacy form land on the workspace home page.
   */
  public static String modern(String url) {
    if (url == null) {
      return "";
    }
    Matcher legacy = LEGACY.matcher(url.strip());
    if (!legacy.matches()) {
      return url;
    }
    return legacy.group(1) + "/jobs/" + legacy.group(3) + "/runs/" + legacy.group(4) + "?o=" + legacy.group(2);
  }

  /** The run ids of the run page links in a text, in order of appearance, at most {@code limit}. */
  static List<String> runIdsIn(String text, int limit) {
    Set<String> ids = new LinkedHashSet<>();
    if (text != null) {
      Matcher matcher = RUN_IN_TEXT.matcher(text);
      while (matcher.find() && ids.size() < limit) {
        ids.add(matcher.group(1));
      }
    }
    return new ArrayList<>(ids);
  }
}
