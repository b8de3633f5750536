package dev.aiops.rca.spring;

import dev.aiops.rca.assistant.ApiKeys;
import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.ResolveIncidentResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's webhook and incident endpoints under {@code rca.web.base-path}, answering as the service does:
 * webhooks and reads need {@code rca.api-key} (or the operator key) in {@code X-API-Key}, resolving and approving
 * need {@code rca.operator-key}; refusals are 401/403 with a JSON reason.
 */
@RestController
@RequestMapping(path = "${rca.web.base-path:/rca}", produces = MediaType.APPLICATION_JSON_VALUE)
class RcaController {

  static final String KEY_HEADER = "X-API-Key";
  private static final Logger LOG = LoggerFactory.getLogger(RcaController.class);
  /** As the service: a sender that could not be heard may send again after this many seconds. */
  private static final String STORE_RETRY_AFTER_SECONDS = "2";
  /** As the service: 1 MiB, far above any real failure webhook (a few KB), far below what would strain the inbox. */
  static final int MAX_BODY_BYTES = 1_048_576;

  private final RcaAssistant assistant;
  private final RcaSettings settings;

  RcaController(RcaAssistant assistant, RcaSettings settings) {
    this.assistant = assistant;
    this.settings = settings;
  }

  private enum Caller { NONE, API_KEY, OPERATOR }

  @PostMapping(path = "/webhooks/{platform}", consumes = MediaType.ALL_VALUE)
  ResponseEntity<Map<String, Object>> webhook(@PathVariable String platform,
      @RequestHeader HttpHeaders headers, InputStream in) throws IOException {
    if (caller(headers) == Caller.NONE) {
      return unauthorized();
    }
    // Read no further than the limit: no failure webhook is this large, so it is a mistake or an attack.
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      return error(413, "too_large", "webhook bodies are limited to " + MAX_BODY_BYTES
          + " bytes; this one was not stored");
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    Optional<Source> source = switch (platform) {
      case "databricks" -> Optional.of(Source.DATABRICKS);
      case "adf" -> Optional.of(Source.ADF);
      default -> Optional.empty();
    };
    if (source.isEmpty()) {
      return error(404, "not_found", "no webhook for '" + platform + "': use databricks or adf");
    }
    Map<String, String> flat = new LinkedHashMap<>();
    headers.forEach((name, values) -> flat.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    IntakeResult result;
    try {
      result = assistant.receive(source.get(), flat, body);
    } catch (RuntimeException e) {
      // Nothing was stored: the sender must hear that it may send again, never a bare 500.
      LOG.error("webhook on {} not stored", platform, e);
      return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER_SECONDS)
          .body(errorBody("store_unavailable", "the webhook could not be stored; send it again after "
              + STORE_RETRY_AFTER_SECONDS + " s"));
    }
    if (result instanceof IntakeResult.Accepted accepted) {
      return ResponseEntity.status(202).body(Map.of("status", "accepted", "delivery", accepted.deliveryId()));
    } else if (result instanceof IntakeResult.Duplicate duplicate) {
      return ResponseEntity.status(202).body(Map.of("status", "duplicate", "delivery", duplicate.deliveryId(),
          "reason", duplicate.reason()));
    } else if (result instanceof IntakeResult.Ignored ignored) {
      return ResponseEntity.ok(Map.of("status", "ignored", "reason", ignored.reason()));
    } else if (result instanceof IntakeResult.TooManyRuns tooMany) {
      return error(413, "too_many_runs", tooMany.reason());
    }
    return error(400, "invalid_webhook", ((IntakeResult.Rejected) result).reason());
  }

  @GetMapping("/api/incidents")
  ResponseEntity<?> incidents(@RequestHeader HttpHeaders headers,
      @RequestParam(defaultValue = "50") int limit) {
    if (caller(headers) == Caller.NONE) {
      return unauthorized();
    }
    if (limit < 1 || limit > 1000) {
      return error(400, "bad_request", "limit must be within [1, 1000], was " + limit);
    }
    return ResponseEntity.ok(assistant.incidents().list(IncidentQuery.all(limit)).stream()
        .map(RcaController::view).toList());
  }

  @GetMapping("/api/incidents/{id}")
  ResponseEntity<?> incident(@RequestHeader HttpHeaders headers, @PathVariable long id) {
    if (caller(headers) == Caller.NONE) {
      return unauthorized();
    }
    return assistant.incidents().details(new IncidentId(id)).<ResponseEntity<?>>map(details -> {
      Map<String, Object> view = view(details.incident());
      view.put("auditTrail", details.auditTrail().stream().map(RcaController::view).toList());
      view.put("remediations", details.remediations().stream().map(RcaController::view).toList());
      return ResponseEntity.ok(view);
    }).orElseGet(() -> error(404, "not_found", "no incident " + id));
  }

  @PostMapping("/api/incidents/{id}/resolve")
  ResponseEntity<?> resolve(@RequestHeader HttpHeaders headers, @PathVariable long id,
      @RequestParam(defaultValue = "") String reason) {
    Optional<ResponseEntity<Map<String, Object>>> refused = operatorOnly(headers);
    if (refused.isPresent()) {
      return refused.get();
    }
    try {
      ResolveIncidentResult result = assistant.resolve(new IncidentId(id), "operator-key", reason);
      Map<String, Object> view = view(result.incident());
      view.put("changed", result.changed());
      view.put("problems", result.problems());
      return ResponseEntity.ok(view);
    } catch (IllegalArgumentException e) {
      return error(404, "not_found", e.getMessage());
    }
  }

  @PostMapping("/api/incidents/{id}/remediations/{action}/approve")
  ResponseEntity<?> approve(@RequestHeader HttpHeaders headers, @PathVariable long id, @PathVariable String action) {
    Optional<ResponseEntity<Map<String, Object>>> refused = operatorOnly(headers);
    if (refused.isPresent()) {
      return refused.get();
    }
    RemediationAction chosen;
    try {
      chosen = RemediationAction.valueOf(action.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return error(400, "bad_request", "unknown remediation " + action);
    }
    try {
      return ResponseEntity.ok(view(assistant.approve(new IncidentId(id), chosen, "operator-key")));
    } catch (IllegalArgumentException e) {
      return error(409, "conflict", e.getMessage());
    }
  }

  private Caller caller(HttpHeaders headers) {
    String presented = headers.getFirst(KEY_HEADER);
    if (settings.operatorKey().filter(key -> ApiKeys.matches(key.reveal(), presented)).isPresent()) {
      return Caller.OPERATOR;
    }
    if (settings.apiKey().filter(key -> ApiKeys.matches(key.reveal(), presented)).isPresent()) {
      return Caller.API_KEY;
    }
    return Caller.NONE;
  }

  private Optional<ResponseEntity<Map<String, Object>>> operatorOnly(HttpHeaders headers) {
    Caller caller = caller(headers);
    if (caller == Caller.NONE) {
      return Optional.of(unauthorized());
    }
    if (caller == Caller.API_KEY) {
      return Optional.of(error(403, "forbidden", "the webhook key (rca.api-key) may only read: approving and "
          + "resolving need the operator key (rca.operator-key)"));
    }
    return Optional.empty();
  }

  private static ResponseEntity<Map<String, Object>> unauthorized() {
    return ResponseEntity.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .body(errorBody("unauthorized", "present the API key as " + KEY_HEADER));
  }

  private static ResponseEntity<Map<String, Object>> error(int status, String error, String reason) {
    return ResponseEntity.status(status).body(errorBody(error, reason));
  }

  private static Map<String, Object> errorBody(String error, String reason) {
    return Map.of("error", error, "reason", reason);
  }

  private static Map<String, Object> view(Incident incident) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", incident.id().value());
    view.put("source", incident.firstRun().source().name());
    view.put("run", incident.firstRun().runId().value());
    view.put("jobName", incident.jobName());
    view.put("status", incident.status().name());
    view.put("category", incident.analysis().category().name());
    view.put("summary", incident.analysis().summary());
    view.put("firstSeen", incident.firstSeen().toString());
    view.put("lastSeen", incident.lastSeen().toString());
    incident.ticket().ifPresent(ticket -> view.put("ticket", Map.of("system", ticket.system(), "key", ticket.key(),
        "url", ticket.url())));
    incident.runPageUrl().ifPresent(url -> view.put("runPageUrl", url));
    return view;
  }

  private static Map<String, Object> view(AuditEntry entry) {
    return Map.of("at", entry.at().toString(), "actor", entry.actor(), "action", entry.action().name(),
        "detail", entry.detail());
  }

  private static Map<String, Object> view(RemediationOutcome outcome) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("action", outcome.plan().action().name());
    view.put("status", outcome.status().name());
    view.put("detail", outcome.detail());
    view.put("at", outcome.at().toString());
    outcome.newRun().ifPresent(run -> view.put("newRun", run.value()));
    return view;
  }
}
