package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Source;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a run page link says about where a run lives: the Databricks workspace is its host, the data factory is
 * the resource id in the monitoring UI's {@code factory} parameter. Shown before a remediation is approved.
 */
final class RunPages {

  private RunPages() {}

  /** The link's text: which platform's page it opens. */
  static String label(Source source) {
    return source == Source.ADF ? "Data Factory run" : "Databricks run";
  }

  /** The workspace or factory of the incident's first run, as its run page names it, if known. */
  static Optional<String> where(Incident incident) {
    Optional<URI> page = incident.runPageUrl().flatMap(Html::safeHref).map(URI::create);
    if (page.isEmpty()) {
      return Optional.empty();
    }
    if (incident.source() == Source.ADF) {
      return factory(page.get()).map(id -> "Data Factory " + id);
    }
    return Optional.of("Databricks workspace " + page.get().getHost());
  }

  private static Optional<String> factory(URI page) {
    String query = page.getRawQuery() == null ? "" : page.getRawQuery();
    for (String pair : query.split("&")) {
      if (pair.startsWith("factory=")) {
        return Optional.of(URLDecoder.decode(pair.substring("factory=".length()), StandardCharsets.UTF_8))
            .filter(id -> !id.isBlank());
      }
    }
    return Optional.empty();
  }
}
