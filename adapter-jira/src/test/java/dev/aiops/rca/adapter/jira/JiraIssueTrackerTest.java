package dev.aiops.rca.adapter.jira;

import static dev.aiops.rca.adapter.jira.JiraIssueTrackerContractTest.settings;
import static dev.aiops.rca.adapter.jira.JiraIssueTrackerContractTest.tracker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aiops.rca.domain.Classification;
import dev.aiops.rca.domain.ClassificationLayer;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TicketDetails;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketRequest;
import dev.aiops.rca.testkit.IssueTrackerContract;
import dev.aiops.rca.testkit.Samples;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the tracker sends Jira, and how it keeps one ticket per failure signature. */
class JiraIssueTrackerTest {

  private static final String CREATE_V3 = "/rest/api/3/issue";
  private final JiraStub stub = new JiraStub("OPS");

  @AfterEach
  void stop() {
    stub.close();
  }

  private static Recurrence recurrence(int occurrences) {
    return new Recurrence(new IncidentId(1), RunKey.of(Source.DATABRICKS, "77"), occurrences, Samples.T0);
  }

  @Test
  void should_send_an_adf_description_labels_priority_and_basic_auth_when_opening_on_cloud() throws IOException {
    JiraIssueTracker tracker = tracker(stub, settings(stub).withDashboardUrl(URI.create("https://rca.acme.example")));

    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"));

    assertThat(ticket).isEqualTo(new TicketRef("jira", "OPS-1", stub.uri() + "/browse/OPS-1"));
    JiraStub.Seen create = stub.seen("POST", CREATE_V3).get(0);
    assertThat(create.headers().get("authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("bot@acme.example:jira-secret-token".getBytes(StandardCharsets.UTF_8)));
    JsonNode fields = create.json().path("fields");
    assertThat(fields.path("project").path("key").asText()).isEqualTo("OPS");
    assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Bug");
    assertThat(fields.path("priority").path("name").asText()).isEqualTo("Medium"); // P3, an unrouted request
    assertThat(fields.path("summary").asText()).startsWith("[RCA] etl_orders failed: TABLE_OR_VIEW_NOT_FOUND");
    assertThat(texts(fields.path("labels"))).containsExactly(
        "rca", "databricks", "rca-sig-aaaaaaaaaaaa", "rca-aaaaaaaaaaaa-1");

    JsonNode doc = fields.path("description");
    assertThat(doc.path("type").asText()).isEqualTo("doc");
    assertThat(doc.path("version").asInt()).isEqualTo(1);
    assertThat(types(doc.path("content"))).containsExactly("heading", "codeBlock", "paragraph", "heading",
        "paragraph", "heading", "bulletList", "heading", "bulletList", "heading", "bulletList");
    assertThat(doc.path("content").get(1).path("content").get(0).path("text").asText())
        .isEqualTo("[TABLE_OR_VIEW_NOT_FOUND] prod.users");
    String all = doc.toString();
    assertThat(all).contains("\"href\":\"https://adb-1/run/1\"", "\"href\":\"https://rca.acme.example/incidents/1\"",
        "cost_center=cc-7", "rules, confidence 0.80", "Occurrences:", "load_users", "check [TABLE_OR_VIEW_NOT_FOUND]",
        "Classified by:", "layer 2 (identifier): sample");
    assertThat(all).doesNotContain("\"text\":\"\"");

    Path examples = Path.of("..", "docs", "examples");
    Files.createDirectories(examples);
    Files.writeString(examples.resolve("jira-description.json"),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n");
  }

  @Test
  void should_send_wiki_markup_and_a_bearer_token_when_opening_on_data_center() {
    JiraIssueTracker tracker = tracker(stub, JiraSettings.of(stub.uri().toString(),
        JiraAuth.dataCenter("dc-pat-secret"), "OPS").withApiVersion(2));

    tracker.open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"));

    assertThat(stub.seen("POST", "/rest/api/2/search")).hasSize(1);
    JiraStub.Seen create = stub.seen("POST", "/rest/api/2/issue").get(0);
    assertThat(create.headers().get("authorization")).isEqualTo("Bearer dc-pat-secret");
    String description = create.json().path("fields").path("description").asText();
    assertThat(description).contains("h3. Root cause", "{noformat}\n[TABLE_OR_VIEW_NOT_FOUND] prod.users\n{noformat}",
        "[Run page|https://adb-1/run/1]", "*Failed task:*");
  }

  @Test
  void should_state_the_deciding_layer_and_its_evidence_in_the_details_when_opening_on_cloud_or_data_center() {
    TicketRequest request = classifiedAs(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"), new Classification(
        ClassificationLayer.TEMPLATE, "Spark template TABLE_OR_VIEW_NOT_FOUND [x]"));
    JiraStub dataCenter = new JiraStub("OPS");
    try {
      tracker(stub, settings(stub)).open(request);
      tracker(dataCenter, JiraSettings.of(dataCenter.uri().toString(), JiraAuth.dataCenter("dc-pat-secret"), "OPS")
          .withApiVersion(2)).open(request);

      JsonNode content = stub.seen("POST", CREATE_V3).get(0).json().path("fields").path("description")
          .path("content");
      JsonNode details = content.get(content.size() - 1);
      assertThat(details.toString()).contains("{\"type\":\"text\",\"text\":\"Classified by:\","
          + "\"marks\":[{\"type\":\"strong\"}]},{\"type\":\"text\","
          + "\"text\":\" layer 2b (template): Spark template TABLE_OR_VIEW_NOT_FOUND [x]\"}");
      assertThat(dataCenter.seen("POST", "/rest/api/2/issue").get(0).json().path("fields").path("description")
          .asText()).contains("\n* *Classified by:*",
              "layer 2b (template): Spark template TABLE\\_OR\\_VIEW\\_NOT\\_FOUND \\[x\\]\n");
    } finally {
      dataCenter.close();
    }
  }

  @Test
  void should_say_layer_7_none_when_no_layer_decided_the_category() {
    tracker(stub, settings(stub)).open(classifiedAs(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"),
        Classification.none()));

    assertThat(stub.seen("POST", CREATE_V3).get(0).json().path("fields").path("description").toString())
        .contains("\"text\":\" layer 7 (none)\"");
  }

  @Test
  void should_list_the_impact_of_the_failure_in_the_details_when_opening() {
    TicketRequest plain = IssueTrackerContract.request("rca-aaaaaaaaaaaa-1");
    TicketDetails d = plain.details().orElseThrow();
    TicketRequest impacted = new TicketRequest(plain.idempotencyKey(), plain.incident(), plain.signature(),
        plain.summary(), plain.description(), plain.labels(), plain.category(), Optional.of(new TicketDetails(
            d.jobName(), d.source(), d.analysis(), d.occurrences(), d.runPageUrl(), d.tags(),
            List.of("wrapped by adf pl_nightly, run ADF:5f1c", "publish UPSTREAM_FAILED"))));

    tracker(stub, settings(stub)).open(impacted);

    assertThat(stub.seen("POST", CREATE_V3).get(0).json().path("fields").path("description").toString())
        .contains("Impact").contains("wrapped by adf pl_nightly, run ADF:5f1c; publish UPSTREAM_FAILED");
  }

  private static TicketRequest classifiedAs(TicketRequest request, Classification classification) {
    TicketDetails d = request.details().orElseThrow();
    RootCauseAnalysis a = d.analysis();
    RootCauseAnalysis classified = new RootCauseAnalysis(a.category(), a.rootCauseLine(), a.failedTask(),
        a.summary(), a.evidence(), a.recommendedActions(), a.entities(), a.confidence(), a.analyzer(),
        classification, a.flags());
    return new TicketRequest(request.idempotencyKey(), request.incident(), request.signature(), request.summary(),
        request.description(), request.labels(), request.category(), Optional.of(new TicketDetails(d.jobName(),
            d.source(), classified, d.occurrences(), d.runPageUrl(), d.tags())));
  }

  @Test
  void should_not_create_when_a_ticket_with_the_idempotency_label_exists() {
    JiraStub.Issue existing = stub.existing(false, "rca-sig-aaaaaaaaaaaa", "rca-aaaaaaaaaaaa-1");

    TicketRef ticket = tracker(stub, settings(stub)).open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"));

    assertThat(ticket.key()).isEqualTo(existing.key);
    assertThat(stub.seen("POST", CREATE_V3)).isEmpty();
    JsonNode search = stub.seen("POST", "/rest/api/3/search/jql").get(0).json();
    assertThat(search.path("jql").asText()).isEqualTo(
        "labels in (\"rca-aaaaaaaaaaaa-1\", \"rca-sig-aaaaaaaaaaaa\") ORDER BY created DESC");
    assertThat(texts(search.path("fields"))).containsExactly("status", "labels");
  }

  @Test
  void should_reuse_and_label_an_open_ticket_when_its_signature_is_filed_again() {
    JiraStub.Issue existing = stub.existing(false, "rca", "rca-sig-aaaaaaaaaaaa", "rca-aaaaaaaaaaaa-1");

    TicketRef ticket = tracker(stub, settings(stub)).open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-9"));

    assertThat(ticket.key()).isEqualTo(existing.key);
    assertThat(stub.seen("POST", CREATE_V3)).isEmpty();
    assertThat(existing.labels).contains("rca-aaaaaaaaaaaa-9");
    assertThat(existing.comments).hasSize(1);
  }

  @Test
  void should_reopen_a_resolved_ticket_when_its_signature_recurs_and_reopen_is_on() {
    JiraStub.Issue resolved = stub.existing(true, "rca-sig-aaaaaaaaaaaa", "rca-aaaaaaaaaaaa-1");

    TicketRef ticket = tracker(stub, settings(stub)).open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-2"));

    assertThat(ticket.key()).isEqualTo(resolved.key);
    assertThat(resolved.statusCategory).isEqualTo("new");
    assertThat(stub.seen("POST", "/rest/api/3/issue/" + resolved.key + "/transitions").get(0).json()
        .path("transition").path("id").asText()).isEqualTo("11");
    assertThat(stub.seen("POST", CREATE_V3)).isEmpty();
  }

  @Test
  void should_open_a_new_linked_ticket_when_the_resolved_one_recurs_and_reopen_is_off() {
    JiraStub.Issue resolved = stub.existing(true, "rca-sig-aaaaaaaaaaaa", "rca-aaaaaaaaaaaa-1");

    TicketRef ticket = tracker(stub, settings(stub).withReopen(false))
        .open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-2"));

    assertThat(ticket.key()).isNotEqualTo(resolved.key);
    assertThat(resolved.statusCategory).isEqualTo("done");
    JsonNode link = stub.seen("POST", "/rest/api/3/issueLink").get(0).json();
    assertThat(link.path("type").path("name").asText()).isEqualTo("Relates");
    assertThat(link.path("inwardIssue").path("key").asText()).isEqualTo(ticket.key());
    assertThat(link.path("outwardIssue").path("key").asText()).isEqualTo(resolved.key);
    assertThat(stub.seen("POST", CREATE_V3).get(0).body()).contains("recurs after " + resolved.key);
  }

  @Test
  void should_comment_and_count_without_a_new_ticket_when_the_failure_recurs() {
    JiraIssueTracker tracker = tracker(stub, settings(stub));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"));

    tracker.recordRecurrence(ticket, recurrence(2));
    tracker.recordRecurrence(ticket, recurrence(3));

    JiraStub.Issue issue = stub.issue(ticket.key());
    assertThat(stub.issueCount()).isEqualTo(1);
    assertThat(issue.comments).hasSize(2);
    assertThat(issue.comments.get(1).path("type").asText()).isEqualTo("doc");
    assertThat(issue.comments.get(1).toString()).contains("run DATABRICKS:77", "occurrence 3");
    assertThat(issue.labels).contains("rca-occurrences-3").doesNotContain("rca-occurrences-2");
  }

  @Test
  void should_add_a_note_as_a_document_with_one_paragraph_per_line() {
    JiraIssueTracker tracker = tracker(stub, settings(stub));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"));

    tracker.comment(ticket, "The run started by remediation REPAIR_FAILED_TASKS (new run 41) ended well.\n"
        + "Resolved in the RCA Assistant by remediation-follower.");

    JsonNode note = stub.issue(ticket.key()).comments.get(0);
    assertThat(note.path("type").asText()).isEqualTo("doc");
    assertThat(note.path("version").asInt()).isEqualTo(1);
    assertThat(note.path("content")).hasSize(2);
    assertThat(note.path("content").get(0).path("type").asText()).isEqualTo("paragraph");
    assertThat(note.path("content").get(1).path("content").get(0).path("text").asText())
        .isEqualTo("Resolved in the RCA Assistant by remediation-follower.");
  }

  @Test
  void should_add_a_note_as_wiki_text_when_the_server_speaks_rest_v2() {
    JiraIssueTracker tracker = tracker(stub, settings(stub).withApiVersion(2));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"));

    tracker.comment(ticket, "Remediation REPAIR_FAILED_TASKS started (new run 41)");

    JsonNode note = stub.issue(ticket.key()).comments.get(0);
    assertThat(note.isTextual()).isTrue();
    // Underscores are wiki markup (subscript), so the adapter escapes them.
    assertThat(note.asText()).contains("Remediation REPAIR\\_FAILED\\_TASKS started (new run 41)");
  }

  @Test
  void should_set_the_custom_field_when_an_occurrence_field_is_configured() {
    JiraIssueTracker tracker = tracker(stub, settings(stub).withOccurrenceField("customfield_10042"));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"));

    tracker.recordRecurrence(ticket, recurrence(2));

    assertThat(stub.issue(ticket.key()).fields.path("customfield_10042").asInt()).isEqualTo(2);
    assertThat(stub.issue(ticket.key()).labels).noneMatch(l -> l.startsWith("rca-occurrences-"));
  }

  @Test
  void should_reopen_the_ticket_when_a_recurrence_finds_it_resolved_and_reopen_is_on() {
    JiraStub.Issue resolved = stub.existing(true, "rca-sig-aaaaaaaaaaaa");

    tracker(stub, settings(stub)).recordRecurrence(new TicketRef("jira", resolved.key, ""), recurrence(2));

    assertThat(resolved.statusCategory).isEqualTo("new");
    assertThat(resolved.comments.get(0).toString()).contains("Reopened");
  }

  @Test
  void should_leave_the_ticket_resolved_with_a_note_when_reopen_is_off() {
    JiraStub.Issue resolved = stub.existing(true, "rca-sig-aaaaaaaaaaaa");

    tracker(stub, settings(stub).withReopen(false))
        .recordRecurrence(new TicketRef("jira", resolved.key, ""), recurrence(2));

    assertThat(resolved.statusCategory).isEqualTo("done");
    assertThat(stub.seen("GET", "/rest/api/3/issue/" + resolved.key + "/transitions")).isEmpty();
    assertThat(resolved.comments.get(0).toString()).contains("JIRA_REOPEN=false");
  }

  @Test
  void should_fall_back_to_the_text_when_the_request_has_no_details() {
    TicketRequest plain = new TicketRequest("rca-aaaaaaaaaaaa-1", new IncidentId(1), Samples.signature('a'),
        "[RCA] etl_orders failed", "Job: etl_orders\n\nRoot cause: boom\n", List.of("rca"),
        dev.aiops.rca.domain.Category.CANCELLED);

    tracker(stub, settings(stub)).open(plain);

    JsonNode fields = stub.seen("POST", CREATE_V3).get(0).json().path("fields");
    assertThat(types(fields.path("description").path("content"))).containsExactly("paragraph", "paragraph");
    assertThat(fields.path("priority").path("name").asText()).isEqualTo("Medium");
    assertThat(texts(fields.path("labels"))).containsExactly("rca", "rca-sig-aaaaaaaaaaaa", "rca-aaaaaaaaaaaa-1");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> types(JsonNode content) {
    List<String> out = new ArrayList<>();
    content.forEach(n -> out.add(n.path("type").asText()));
    return out;
  }
}
