package dev.aiops.rca.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Databricks workspace and an Azure Data Factory (with its Entra ID token endpoint) simulated on a loopback port
 * of this process, answering with recorded failures, so that {@code serve --demo} runs the real adapters end to
 * end without an account anywhere. Nothing it serves leaves the machine.
 */
public final class SimulatedPlatforms implements AutoCloseable {

  static final String WORKSPACE_ID = "1234567890123456";
  static final String SUBSCRIPTION_ID = "00000000-0000-0000-0000-00000000de70";
  static final String RESOURCE_GROUP = "rg-rca-demo";
  static final String FACTORY_NAME = "adf-rca-demo";
  public static final String TENANT_ID = "demo-tenant";
  /** The credentials the service is configured with; the simulation checks that they arrive, like the real APIs. */
  static final String DATABRICKS_TOKEN = "dapi-demo-token-not-a-real-credential";
  static final String AZURE_CLIENT_SECRET = "demo-client-secret-not-a-real-credential";
  private static final String ARM_TOKEN = "demo-arm-access-token";

  private static final Pattern PIPELINE_RUN = Pattern.compile(
      "/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.DataFactory/factories/[^/]+"
          + "/pipelineruns/([^/?]+)(/queryActivityruns)?");
  private static final Pattern CREATE_RUN = Pattern.compile(
      "/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.DataFactory/factories/[^/]+"
          + "/pipelines/[^/]+/createRun");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, JsonNode> jobRuns = new LinkedHashMap<>();
  private final Map<String, JsonNode> taskOutputs = new LinkedHashMap<>();
  private final Map<String, JsonNode> pipelineRuns = new LinkedHashMap<>();
  private final Map<String, JsonNode> activityRuns = new LinkedHashMap<>();
  private final List<String> seen = new ArrayList<>();
  private final AtomicLong repairIds = new AtomicLong(1000);
  /** The repairs started, by job run: each runs for {@link #REMEDIATION_TAKES}, then succeeds. */
  private final Map<String, Started> repairs = new ConcurrentHashMap<>();
  /** The reruns started, by their new pipeline run id: each runs for {@link #REMEDIATION_TAKES}, then succeeds. */
  private final Map<String, Started> reruns = new ConcurrentHashMap<>();

  /** How long a simulated repair or rerun runs before it succeeds. */
  static final Duration REMEDIATION_TAKES = Duration.ofSeconds(3);

  /** A remediation the demo started: the id it answered, the run it repairs or reruns, and when it started. */
  private record Started(String id, String of, Instant at) {
    boolean done() {
      return !Instant.now().isBefore(at.plus(REMEDIATION_TAKES));
    }
  }

  private SimulatedPlatforms(List<DemoCase> cases) throws IOException {
    for (DemoCase demoCase : cases) {
      if (demoCase.isDatabricks()) {
        jobRuns.put(demoCase.runId(), demoCase.input().path("run"));
        demoCase.input().path("outputs").fields().forEachRemaining(e -> taskOutputs.put(e.getKey(), e.getValue()));
      } else {
        pipelineRuns.put(demoCase.runId(), demoCase.input().path("pipelineRun"));
        activityRuns.put(demoCase.runId(), demoCase.input().path("activityRuns"));
      }
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    threads = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "demo-platforms");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.createContext("/", this::answer);
    server.start();
  }

  /** Serves {@code cases} on a free loopback port until closed. */
  public static SimulatedPlatforms start(List<DemoCase> cases) {
    try {
      return new SimulatedPlatforms(List.copyOf(cases));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port for the simulated platforms", e);
    }
  }

  /** The simulation's base address, such as {@code http://127.0.0.1:41234}. */
  public URI uri() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort());
  }

  /** The factory that pipeline failures name. */
  public String factoryName() {
    return FACTORY_NAME;
  }

  /**
   * The settings that point the service's Databricks and Data Factory adapters at this simulation, with demo-only
   * credentials.
   */
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("DATABRICKS_HOST", uri().toString());
    settings.put("DATABRICKS_TOKEN", DATABRICKS_TOKEN);
    settings.put("AZURE_SUBSCRIPTION_ID", SUBSCRIPTION_ID);
    settings.put("ADF_RESOURCE_GROUP", RESOURCE_GROUP);
    settings.put("ADF_FACTORY_NAME", FACTORY_NAME);
    settings.put("AZURE_TENANT_ID", TENANT_ID);
    settings.put("AZURE_CLIENT_ID", "demo-client");
    settings.put("AZURE_CLIENT_SECRET", AZURE_CLIENT_SECRET);
    settings.put("AZURE_AUTHORITY_HOST", uri().toString());
    settings.put("AZURE_MANAGEMENT_URL", uri().toString());
    return settings;
  }

  /** The method and path of every request answered so far, oldest first. */
  public synchronized List<String> seen() {
    return List.copyOf(seen);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      synchronized (this) {
        seen.add(method + " " + path);
      }
      Reply reply = route(method, path, query(exchange.getRequestURI()), exchange);
      byte[] body = reply.body().toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private Reply route(String method, String path, Map<String, String> query, HttpExchange exchange)
      throws IOException {
    if (method.equals("POST") && path.equals("/" + TENANT_ID + "/oauth2/v2.0/token")) {
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!form.contains("client_secret=" + AZURE_CLIENT_SECRET)) {
        return Reply.error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
      }
      ObjectNode token = JSON.createObjectNode().put("token_type", "Bearer").put("expires_in", 3599)
          .put("access_token", ARM_TOKEN);
      return new Reply(200, token);
    }
    if (path.startsWith("/api/")) {
      return databricks(method, path, query, body(exchange), bearer(exchange));
    }
    if (path.startsWith("/subscriptions/")) {
      return dataFactory(method, path, query, bearer(exchange));
    }
    return Reply.error(404, "ENDPOINT_NOT_FOUND", "the demo does not simulate " + method + " " + path);
  }

  private Reply databricks(String method, String path, Map<String, String> query, JsonNode body,
      Optional<String> token) {
    if (!token.equals(Optional.of(DATABRICKS_TOKEN))) {
      return Reply.error(401, "UNAUTHENTICATED", "Invalid access token.");
    }
    String runId = query.getOrDefault("run_id", "");
    if (method.equals("GET") && path.equals("/api/2.2/jobs/runs/get")) {
      return Optional.ofNullable(jobRuns.get(runId)).map(run -> new Reply(200, withRepair(runId, run)))
          .orElseGet(() -> Reply.error(404, "RESOURCE_DOES_NOT_EXIST", "Run " + runId + " does not exist."));
    }
    if (method.equals("GET") && path.equals("/api/2.2/jobs/runs/get-output")) {
      return Optional.ofNullable(taskOutputs.get(runId)).map(output -> new Reply(200, output))
          .orElseGet(() -> Reply.error(404, "RESOURCE_DOES_NOT_EXIST", "Run " + runId + " does not exist."));
    }
    if (method.equals("GET") && path.equals("/api/2.2/jobs/runs/list")) {
      ObjectNode page = JSON.createObjectNode().put("has_more", false);
      jobRuns.values().stream().limit(1).forEach(run -> page.putArray("runs").add(run));
      return new Reply(200, page);
    }
    if (method.equals("POST") && path.equals("/api/2.2/jobs/runs/repair")) {
      // An approved repair runs for a few seconds and succeeds, so that the demo's incident resolves on its own.
      String repaired = body.path("run_id").asText("");
      if (!jobRuns.containsKey(repaired)) {
        return Reply.error(404, "RESOURCE_DOES_NOT_EXIST", "Run " + repaired + " does not exist.");
      }
      String repairId = Long.toString(repairIds.incrementAndGet());
      repairs.put(repaired, new Started(repairId, repaired, Instant.now()));
      return new Reply(200, JSON.createObjectNode().put("repair_id", Long.parseLong(repairId)));
    }
    return Reply.error(404, "ENDPOINT_NOT_FOUND", "the demo does not simulate " + method + " " + path);
  }

  private Reply dataFactory(String method, String path, Map<String, String> query, Optional<String> token) {
    if (!token.equals(Optional.of(ARM_TOKEN))) {
      return Reply.armError(401, "InvalidAuthenticationToken", "The access token is invalid.");
    }
    Matcher run = PIPELINE_RUN.matcher(path);
    if (run.matches()) {
      String runId = run.group(1);
      if (reruns.containsKey(runId) && run.group(2) == null && method.equals("GET")) {
        return new Reply(200, rerun(reruns.get(runId)));
      }
      if (!pipelineRuns.containsKey(runId)) {
        return Reply.armError(404, "PipelineRunNotFound", "Pipeline run " + runId + " does not exist.");
      }
      if (run.group(2) == null && method.equals("GET")) {
        return new Reply(200, pipelineRuns.get(runId));
      }
      if (run.group(2) != null && method.equals("POST")) {
        ObjectNode page = JSON.createObjectNode();
        page.set("value", activityRuns.get(runId));
        return new Reply(200, page);
      }
    }
    if (method.equals("POST") && path.endsWith("/queryPipelineRuns")) {
      ObjectNode page = JSON.createObjectNode();
      page.putArray("value").addAll(List.copyOf(pipelineRuns.values()));
      return new Reply(200, page);
    }
    if (method.equals("POST") && CREATE_RUN.matcher(path).matches()) {
      // A rerun from failure names the run it recovers; it runs for a few seconds and succeeds.
      String of = query.getOrDefault("referencePipelineRunId", "");
      String newRun = UUID.randomUUID().toString();
      reruns.put(newRun, new Started(newRun, of, Instant.now()));
      return new Reply(200, JSON.createObjectNode().put("runId", newRun));
    }
    return Reply.armError(404, "NotFound", "the demo does not simulate " + method + " " + path);
  }

  /** The job run as runs/get shows it, with the repair it is going through, if one was started. */
  private JsonNode withRepair(String runId, JsonNode run) {
    Started repair = repairs.get(runId);
    if (repair == null) {
      return run;
    }
    ObjectNode shown = run.deepCopy();
    ObjectNode entry = shown.putArray("repair_history").addObject().put("type", "REPAIR").put("id",
        Long.parseLong(repair.id()));
    ObjectNode status = entry.putObject("status").put("state", repair.done() ? "TERMINATED" : "RUNNING");
    if (repair.done()) {
      status.putObject("termination_details").put("code", "SUCCESS").put("type", "SUCCESS").put("message", "");
    }
    return shown;
  }

  /** A rerun's pipeline run: in progress, then succeeded. */
  private JsonNode rerun(Started rerun) {
    ObjectNode run = Optional.ofNullable(pipelineRuns.get(rerun.of())).map(JsonNode::deepCopy)
        .map(ObjectNode.class::cast).orElseGet(JSON::createObjectNode);
    run.put("runId", rerun.id()).put("status", rerun.done() ? "Succeeded" : "InProgress").put("message", "");
    return run;
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
  }

  private static Optional<String> bearer(HttpExchange exchange) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
        .filter(value -> value.startsWith("Bearer "))
        .map(value -> value.substring("Bearer ".length()));
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        query.put(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** One answer: a status and a JSON body. */
  private record Reply(int status, JsonNode body) {
    Reply {
      Objects.requireNonNull(body, "body");
    }

    static Reply error(int status, String code, String message) {
      return new Reply(status, JSON.createObjectNode().put("error_code", code).put("message", message));
    }

    static Reply armError(int status, String code, String message) {
      ObjectNode body = JSON.createObjectNode();
      body.putObject("error").put("code", code).put("message", message);
      return new Reply(status, body);
    }
  }
}
