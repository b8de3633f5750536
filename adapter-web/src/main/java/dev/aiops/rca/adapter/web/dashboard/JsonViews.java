package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Classification;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.port.in.IncidentDetails;
import dev.aiops.rca.port.in.ResolveIncidentResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The API's JSON shapes, kept apart from the domain records (which carry no Jackson). */
final class JsonViews {

  private JsonViews() {}

  /** One row of the incident list, with the links the person on call follows (http and https only). */
  record IncidentSummary(long id, String source, String jobName, String status, String category, int occurrences,
      String firstSeen, String lastSeen, String failedTask, String rootCauseLine, String ticketKey, String ticketUrl,
      String runPageUrl, String priority, String owner) {

    static IncidentSummary of(Incident incident) {
      return new IncidentSummary(incident.id().value(), incident.source().name(), incident.jobName(),
          incident.status().name(), incident.analysis().category().name(), incident.occurrences(),
          incident.firstSeen().toString(), incident.lastSeen().toString(), incident.analysis().failedTask(),
          Redaction.apply(incident.analysis().rootCauseLine()),
          incident.ticket().map(t -> t.key()).orElse(null),
          incident.ticket().flatMap(t -> Html.safeHref(t.url())).orElse(null),
          incident.runPageUrl().flatMap(Html::safeHref).orElse(null),
          incident.assignment().priority().name(), incident.assignment().owner().orElse(null));
    }
  }

  /** A page of the incident list. */
  record IncidentPage(List<IncidentSummary> items, long offset, int limit, long total, boolean hasMore) {}

  /** The analysis, evidence redacted. */
  record AnalysisView(String category, String rootCauseLine, String failedTask, String summary,
      List<String> evidence, List<String> recommendedActions, List<Map<String, String>> entities,
      double confidence, String analyzer, ClassificationView classification, List<String> flags) {

    static AnalysisView of(RootCauseAnalysis a) {
      return new AnalysisView(a.category().name(), Redaction.apply(a.rootCauseLine()), a.failedTask(),
          Redaction.apply(a.summary()), a.evidence().stream().map(Redaction::apply).toList(),
          a.recommendedActions(),
          a.entities().stream().map(e -> Map.of("kind", e.kind().name(), "value", e.value())).toList(),
          a.confidence(), a.analyzer(), ClassificationView.of(a.classification()),
          a.flags().stream().map(Enum::name).sorted().toList());
    }
  }

  /** How the category was decided: the layer's label ({@code 2}, {@code 2b}, {@code model}) and its evidence. */
  record ClassificationView(String layer, String evidence) {

    static ClassificationView of(Classification c) {
      return new ClassificationView(c.layer().label(), Redaction.apply(c.evidence()));
    }
  }

  /** A remediation suggestion, decision or attempt; {@code detail} of a suggestion is the exact call. */
  record RemediationView(String action, String status, String detail, String at, String target, List<String> tasks,
      String reason, String newRun) {

    static RemediationView of(RemediationOutcome o) {
      return new RemediationView(o.plan().action().name(), o.status().name(), o.detail(), o.at().toString(),
          o.plan().target().toString(), o.plan().tasks(), o.plan().reason(),
          o.newRun().map(Object::toString).orElse(null));
    }
  }

  /** One step of the audit trail. */
  record AuditView(String at, String run, String actor, String action, String detail) {

    static AuditView of(AuditEntry e) {
      return new AuditView(e.at().toString(), e.run().toString(), e.actor(), e.action().name(),
          Redaction.apply(e.detail()));
    }
  }

  /** The ticket. */
  record TicketView(String system, String key, String url) {}

  /** Who the incident belongs to and how urgent it is; the runbook only when it is a safe link. */
  record AssignmentView(String route, String owner, String priority, String runbookUrl) {
    static AssignmentView of(Assignment a) {
      return new AssignmentView(a.route(), a.owner().orElse(null), a.priority().name(),
          a.runbookUrl().flatMap(Html::safeHref).orElse(null));
    }
  }

  /** The chat message, with a link when the Slack workspace is known. */
  record NotificationView(String channel, String messageId, String url) {}

  /** An incident with its analysis, remediations, cost tags (sorted by key) and the tasks it held back. */
  record IncidentView(long id, String signature, String source, String firstRun, String jobName, String status,
      int occurrences, String firstSeen, String lastSeen, AnalysisView analysis, TicketView ticket,
      NotificationView notification, List<RemediationView> remediations, Map<String, String> costTags,
      List<String> impact, String runPageUrl, AssignmentView assignment) {

    static IncidentView of(IncidentDetails details, Optional<String> slackWorkspaceUrl) {
      Incident i = details.incident();
      return new IncidentView(i.id().value(), i.signature().value(), i.source().name(), i.firstRun().toString(),
          i.jobName(), i.status().name(), i.occurrences(), i.firstSeen().toString(), i.lastSeen().toString(),
          AnalysisView.of(i.analysis()),
          i.ticket().map(t -> new TicketView(t.system(), t.key(), Html.safeHref(t.url()).orElse(null)))
              .orElse(null),
          i.notification().map(n -> new NotificationView(n.channel(), n.messageId(),
              SlackLinks.messageUrl(slackWorkspaceUrl, n).orElse(null))).orElse(null),
          details.remediations().stream().map(RemediationView::of).toList(),
          new TreeMap<>(i.costTags()), i.impact(), i.runPageUrl().flatMap(Html::safeHref).orElse(null),
          AssignmentView.of(i.assignment()));
    }
  }

  /** Counts by source, category and status, and failures per day by category for the chart. */
  record Stats(long incidents, Map<String, Long> bySource, Map<String, Long> byCategory,
      Map<String, Long> byStatus, List<String> days, Map<String, List<Long>> failuresPerDayByCategory) {}

  /** What resolving an incident did. */
  record ResolutionView(IncidentSummary incident, boolean changed, List<String> problems) {
    static ResolutionView of(ResolveIncidentResult result) {
      return new ResolutionView(IncidentSummary.of(result.incident()), result.changed(), result.problems());
    }
  }
}
