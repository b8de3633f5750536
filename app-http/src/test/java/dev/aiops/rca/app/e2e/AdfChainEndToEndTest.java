package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.adf.AdfStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.adf.AdfStub;
import dev.aiops.rca.adapter.jira.JiraStub;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 on the Data Factory side, through HTTP, the inbox, the ARM stub and Jira: a failure that a rerun or a
 * later run of the same work recovered gets no ticket; a parent pipeline's failure and its child's are one incident
 * and one ticket, whichever alert comes first; the pipeline's cost tags appear once in the ticket.
 */
class AdfChainEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String CREATE = "/rest/api/3/issue";

  /** The Copy failure of the fixtures: the innermost run of the chain below. */
  private static final String CHILD = "8c3e3d7a-2b8f-4d1e-9a0c-5f6e7d8c9b01";
  /** pl_sales_wrapper, whose ExecutePipeline activity "Run sales daily" ran the child. */
  private static final String MIDDLE = "b1b1b1b1-2222-4333-8444-555555555555";
  /** pl_nightly, whose ExecutePipeline activity "Run sales wrapper" ran the middle one. */
  private static final String PARENT = "a0a0a0a0-1111-4222-8333-444444444444";
  private static final String RERUN = "8c3e3d7a-2b8f-4d1e-9a0c-5f6e7d8c9b02";
  private static final String LATER_RUN = "8c3e3d7a-2b8f-4d1e-9a0c-5f6e7d8c9b03";
  private static final String ORDERS_RUN = "0f0f0f0f-1111-4222-8333-444444444444";

  @TempDir
  Path data;

  private final AdfStub adf = new AdfStub();
  private final JiraStub jira = new JiraStub(Vendors.JIRA_PROJECT);
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    adf.close();
    jira.close();
  }

  private void start() {
    service = E2eService.start(data, Vendors.settings(Vendors.jira(jira), Map.of(
        "AZURE_SUBSCRIPTION_ID", AdfStub.SUBSCRIPTION,
        "ADF_RESOURCE_GROUP", "rg-data-prod",
        "ADF_FACTORY_NAME", "adf-sales-prod",
        "AZURE_TENANT_ID", AdfStub.TENANT,
        "AZURE_CLIENT_ID", "sp-client-id",
        "AZURE_CLIENT_SECRET", "sp-client-secret-value",
        "AZURE_AUTHORITY_HOST", adf.uri().toString(),
        "AZURE_MANAGEMENT_URL", adf.uri().toString())));
  }

  // --- rerun awareness ---

  @Test
  void should_open_no_ticket_when_a_rerun_of_the_failed_run_succeeded() {
    ObjectNode failed = run(CHILD, "pl_sales_daily");
    failed.put("isLatest", false);
    ObjectNode rerun = run(RERUN, "pl_sales_daily");
    rerun.put("runGroupId", CHILD).put("status", "Succeeded").put("message", "")
        .put("runStart", "2026-11-20T04:00:00.0000000Z").put("runEnd", "2026-11-20T04:30:00.0000000Z");
    adf.pipelineRun(CHILD, failed.toString()).activityRuns(CHILD, fixture("activityruns-query-failed-copy.json"))
        .runGroup(CHILD, rerun.toString());
    start();

    service.post("/webhooks/adf", webActivityBody(CHILD, "pl_sales_daily"));
    service.awaitSettled(WAIT);

    assertThat(service.incidents()).isEmpty();
    assertThat(jira.seen("POST", CREATE)).isEmpty();
    assertThat(auditOf(CHILD)).filteredOn(e -> e.action() == AuditAction.RECOVERED).singleElement()
        .extracting(AuditEntry::detail).asString().contains("ADF:" + RERUN).contains("rerun in run group " + CHILD);
    assertThat(adf.seen(AdfStub.QUERY_PIPELINE_RUNS)).singleElement()
        .satisfies(query -> assertThat(query.body()).contains("\"RunGroupId\"").contains(CHILD));
  }

  @Test
  void should_ticket_only_the_failure_that_no_later_run_of_the_same_work_recovered_when_a_metric_alert_fires() {
    ObjectNode sales = run(CHILD, "pl_sales_daily");
    ObjectNode orders = run(ORDERS_RUN, "pl_orders");
    orders.putObject("parameters").put("loadDate", "2026-11-19");
    ObjectNode salesAgain = run(LATER_RUN, "pl_sales_daily");
    salesAgain.put("runGroupId", LATER_RUN).put("status", "Succeeded").put("message", "")
        .put("runStart", "2026-11-20T03:50:00.0000000Z").put("runEnd", "2026-11-20T04:20:00.0000000Z");
    // pl_orders ran again too, but for another day: other work, which does not recover the failed day.
    ObjectNode ordersOtherDay = run("0f0f0f0f-1111-4222-8333-555555555555", "pl_orders");
    ordersOtherDay.put("status", "Succeeded").put("runStart", "2026-11-20T03:55:00.0000000Z")
        .putObject("parameters").put("loadDate", "2026-11-20");
    adf.pipelineRunQuery("{\"value\":[" + sales + "," + orders + "]}")
        .pipelineRun(CHILD, sales.toString()).activityRuns(CHILD, fixture("activityruns-query-failed-copy.json"))
        .pipelineRun(ORDERS_RUN, orders.toString())
        .activityRuns(ORDERS_RUN, fixture("activityruns-query-failed-copy.json").replace(CHILD, ORDERS_RUN))
        .succeededRuns(salesAgain.toString(), ordersOtherDay.toString());
    start();

    service.post("/webhooks/adf", fixture("common-alert-schema-adf-metric-pipelinefailedruns-fired.json"));

    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(), WAIT)
        .get(0);
    service.awaitSettled(WAIT);
    assertThat(service.incidents()).singleElement().extracting(Incident::firstRun)
        .isEqualTo(RunKey.of(Source.ADF, ORDERS_RUN));
    assertThat(incident.jobName()).isEqualTo("pl_orders");
    assertThat(jira.seen("POST", CREATE)).hasSize(1);
    assertThat(auditOf(CHILD)).filteredOn(e -> e.action() == AuditAction.RECOVERED).singleElement()
        .extracting(AuditEntry::detail).asString().contains("ADF:" + LATER_RUN).contains("same parameters");
    assertThat(auditOf(ORDERS_RUN)).extracting(AuditEntry::action).doesNotContain(AuditAction.RECOVERED);
  }

  // --- one incident per failure chain ---

  @Test
  void should_file_one_incident_and_one_ticket_when_the_parent_alert_comes_before_the_child_alert() {
    servesTheChain();
    start();

    service.post("/webhooks/adf", webActivityBody(PARENT, "pl_nightly"));
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(), WAIT)
        .get(0);
    service.awaitSettled(WAIT);
    HttpResponse<String> child = service.post("/webhooks/adf", webActivityBody(CHILD, "pl_sales_daily"));
    service.awaitSettled(WAIT);

    // The parent's delivery holds the innermost run already: the child's own alert is a duplicate of it.
    assertThat(child.body()).contains("duplicate");
    assertOneIncidentForTheChain(incident);
  }

  @Test
  void should_file_one_incident_and_one_ticket_when_the_child_alert_comes_before_the_parent_alert() {
    servesTheChain();
    start();

    service.post("/webhooks/adf", webActivityBody(CHILD, "pl_sales_daily"));
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(), WAIT)
        .get(0);
    service.awaitSettled(WAIT);
    HttpResponse<String> parent = service.post("/webhooks/adf", webActivityBody(PARENT, "pl_nightly"));
    service.awaitSettled(WAIT);

    assertThat(parent.body()).contains("accepted");
    assertOneIncidentForTheChain(incident);
    assertThat(auditOf(PARENT)).filteredOn(e -> e.action() == AuditAction.FAILURE_CHAIN).singleElement()
        .extracting(AuditEntry::detail).asString()
        .contains("part of the failure chain of incident " + incident.id()).contains("ADF:" + CHILD);
    assertThat(auditOf(PARENT)).extracting(AuditEntry::action)
        .doesNotContain(AuditAction.INCIDENT_OPENED, AuditAction.OCCURRENCE_ADDED, AuditAction.TICKET_CREATED);
  }

  private void assertOneIncidentForTheChain(Incident first) {
    assertThat(service.incidents()).singleElement().satisfies(incident -> {
      assertThat(incident.id()).isEqualTo(first.id());
      assertThat(incident.firstRun()).isEqualTo(RunKey.of(Source.ADF, CHILD));
      assertThat(incident.jobName()).isEqualTo("pl_sales_daily");
      assertThat(incident.occurrences()).isEqualTo(1);
      assertThat(incident.analysis().failedTask()).isEqualTo("Copy sales");
    });
    assertThat(jira.seen("POST", CREATE)).hasSize(1);
    assertThat(jira.issue(first.ticket().orElseThrow().key()).comments).isEmpty();
    // The wrappers are the failure's impact, named in the ticket.
    String description = jira.seen("POST", CREATE).get(0).json().path("fields").path("description").toString();
    assertThat(description).contains("Impact").contains("pl_nightly").contains("ADF:" + PARENT)
        .contains("pl_sales_wrapper").contains("ADF:" + MIDDLE);
  }

  // --- cost tags ---

  @Test
  void should_show_the_cost_tags_from_annotations_and_parameters_once_in_the_jira_ticket() {
    ObjectNode failed = run(CHILD, "pl_sales_daily");
    ArrayNode annotations = failed.putArray("annotations");
    annotations.add("sales").add("cost_center:fin-042");
    failed.putObject("parameters").put("loadDate", "2026-11-19").put("team", "data-eng");
    adf.pipelineRun(CHILD, failed.toString()).activityRuns(CHILD, fixture("activityruns-query-failed-copy.json"));
    start();

    service.post("/webhooks/adf", webActivityBody(CHILD, "pl_sales_daily"));

    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(), WAIT)
        .get(0);
    assertThat(incident.costTags()).isEqualTo(Map.of("cost_center", "fin-042", "team", "data-eng"));
    String description = jira.seen("POST", CREATE).get(0).json().path("fields").path("description").toString();
    assertThat(description).contains("cost_center=fin-042, team=data-eng");
    assertThat(occurrences(description, "cost_center")).isEqualTo(1);
    assertThat(occurrences(description, "fin-042")).isEqualTo(1);
    // Once as a cost tag, once as the owner: team is also one of the default RCA_OWNER_TAG_KEYS.
    assertThat(occurrences(description, "team=data-eng")).isEqualTo(1);
    assertThat(description).contains("\"text\":\" data-eng\"");
  }

  // --- the stubs' answers ---

  /** nightly → wrapper → daily, each started by the ExecutePipeline activity of the one before. */
  private void servesTheChain() {
    ObjectNode parent = run(PARENT, "pl_nightly");
    parent.put("message", "Operation on target Run sales wrapper failed: Operation on target Run sales daily "
        + "failed: Operation on target Copy sales failed: ErrorCode=UserErrorSqlDWCopyCommandError");
    ObjectNode middle = run(MIDDLE, "pl_sales_wrapper");
    invokedBy(middle, PARENT, "pl_nightly", "Run sales wrapper");
    ObjectNode child = run(CHILD, "pl_sales_daily");
    invokedBy(child, MIDDLE, "pl_sales_wrapper", "Run sales daily");
    adf.pipelineRun(PARENT, parent.toString())
        .activityRuns(PARENT, fixture("activityruns-executepipeline-parent.json"))
        .pipelineRun(MIDDLE, middle.toString())
        .activityRuns(MIDDLE, fixture("activityruns-executepipeline-middle.json"))
        .pipelineRun(CHILD, child.toString())
        .activityRuns(CHILD, fixture("activityruns-query-failed-copy.json"));
  }

  // Not documented, seen in real answers: a run that an ExecutePipeline activity started names its parent run.
  private static void invokedBy(ObjectNode run, String parentRunId, String parentPipeline, String activity) {
    run.putObject("invokedBy").put("name", activity).put("id", parentRunId)
        .put("invokedByType", "PipelineActivity").put("pipelineName", parentPipeline)
        .put("pipelineRunId", parentRunId);
  }

  /** pipelinerun-get-failed.json as another run of another pipeline, the latest of its own run group. */
  private static ObjectNode run(String runId, String pipelineName) {
    ObjectNode run = (ObjectNode) AdfStub.json(fixture("pipelinerun-get-failed.json"));
    run.put("id", AdfStub.FACTORY + "/pipelineruns/" + runId);
    run.put("runId", runId);
    run.put("runGroupId", runId);
    run.put("pipelineName", pipelineName);
    return run;
  }

  private static String webActivityBody(String runId, String pipelineName) {
    ObjectNode body = (ObjectNode) AdfStub.json(fixture("web-activity-failure-body-rendered.json"));
    body.put("pipelineName", pipelineName);
    body.put("pipelineRunId", runId);
    return body.toString();
  }

  private List<AuditEntry> auditOf(String runId) {
    return service.wiring().audit().auditTrail(RunKey.of(Source.ADF, runId));
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
