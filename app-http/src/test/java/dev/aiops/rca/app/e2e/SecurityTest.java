package dev.aiops.rca.app.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.Incident;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's edges against a hostile caller: webhooks and the dashboard need the key or a session, keys are
 * compared in constant time, a webhook cannot send the service to another host, and no secret reaches the log.
 */
class SecurityTest {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> WEBHOOKS = List.of("/webhooks/databricks", "/databricks-monitor", "/webhooks/adf",
      "/azure-monitor");

  @TempDir
  Path data;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Dependencies deps = new Dependencies();
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    deps.close();
  }

  private E2eService start(boolean dashboard) {
    Map<String, String> settings = new HashMap<>(deps.settings());
    settings.put("RCA_ADMIN_PASSWORD", "admin-password-for-security-test");
    service = E2eService.start(data, settings, Optional.empty(), Dependencies::fastRetries,
        DependencyFaultsTest.FAST_INBOX, dashboard);
    return service;
  }

  @Test
  void should_refuse_with_401_and_store_nothing_when_a_webhook_has_no_key_or_a_wrong_one() throws Exception {
    start(false);
    String wrong = "x".repeat(E2eService.KEY.length());
    String prefixed = E2eService.KEY.substring(0, E2eService.KEY.length() - 1) + "X";
    List<Map<String, String>> credentials = List.of(
        Map.of(),
        Map.of("X-API-Key", ""),
        Map.of("X-API-Key", wrong),
        Map.of("X-API-Key", prefixed),
        Map.of("X-API-Key", E2eService.KEY + "x"),
        Map.of("Authorization", "Bearer " + prefixed),
        Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(("u:" + wrong).getBytes())),
        Map.of("Authorization", "Basic not-base64!"),
        Map.of("Authorization", E2eService.KEY));

    for (String path : WEBHOOKS) {
      for (Map<String, String> headers : credentials) {
        HttpResponse<String> answer = send(post(path, Dependencies.WEBHOOK, headers));
        assertThat(answer.statusCode()).as(path + " " + headers).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).path("reason").asText()).isNotBlank();
      }
      HttpResponse<String> wrongCode = send(post(path + "?code=" + URLEncoder.encode(prefixed, StandardCharsets.UTF_8),
          Dependencies.WEBHOOK, Map.of()));
      assertThat(wrongCode.statusCode()).isEqualTo(401);
    }

    assertThat(service.wiring().inbox().counts().values()).allMatch(count -> count == 0);
    assertThat(deps.databricks.seen()).isEmpty();
  }

  @Test
  void should_compare_keys_with_message_digest_is_equal_when_checking_them() throws Exception {
    JavaClasses checkers = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.aiops.rca.adapter.web");
    // A comparison that stops at the first differing byte tells an attacker how much of a guess was right.
    classes().that().haveSimpleName("WebhookAuth").or().haveSimpleName("Tokens")
        .should().callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
        .check(checkers);
    noClasses().that().haveSimpleName("WebhookAuth").or().haveSimpleName("Tokens")
        .should().callMethod(String.class, "equals", Object.class)
        .orShould().callMethod(String.class, "contentEquals", CharSequence.class)
        .orShould().callMethod(Arrays.class, "equals", byte[].class, byte[].class)
        .check(checkers);

    // For the record only: wall-clock times on a shared machine are too noisy to assert on.
    start(false);
    String sameLength = "y".repeat(E2eService.KEY.length());
    String longPrefix = E2eService.KEY.substring(0, E2eService.KEY.length() - 1) + "Z";
    for (int i = 0; i < 50; i++) {
      send(post("/webhooks/databricks", "{}", Map.of("X-API-Key", i % 2 == 0 ? sameLength : longPrefix)));
    }
    LOG.info("median time of a refused webhook: {} µs with a wrong key of the right length, {} µs with a key that "
        + "shares all but its last character", medianMicros(sameLength), medianMicros(longPrefix));
  }

  @Test
  void should_require_a_session_or_the_key_when_dashboard_pages_or_the_api_are_asked() throws Exception {
    start(true);

    for (String page : List.of("/incidents", "/incidents/1")) {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(service.uri(page)).GET().build());
      assertThat(answer.statusCode()).as(page).isIn(302, 303);
      assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
    }
    List<HttpRequest> api = List.of(
        HttpRequest.newBuilder(service.uri("/api/incidents")).GET().build(),
        HttpRequest.newBuilder(service.uri("/api/incidents/1")).GET().build(),
        HttpRequest.newBuilder(service.uri("/api/incidents/1/audit")).GET().build(),
        HttpRequest.newBuilder(service.uri("/api/stats")).GET().build(),
        HttpRequest.newBuilder(service.uri("/api/incidents/1/remediations/rerun/approve"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpRequest.newBuilder(service.uri("/api/incidents")).header("X-API-Key", "wrong-key").GET().build(),
        HttpRequest.newBuilder(service.uri("/api/incidents")).header("Cookie", "rca_session=forged").GET().build(),
        HttpRequest.newBuilder(service.uri("/events")).GET().build());
    for (HttpRequest request : api) {
      assertThat(send(request).statusCode()).as(request.method() + " " + request.uri()).isEqualTo(401);
    }
    HttpResponse<String> withKey = send(HttpRequest.newBuilder(service.uri("/api/incidents"))
        .header("X-API-Key", E2eService.KEY).GET().build());
    assertThat(withKey.statusCode()).isEqualTo(200);
  }

  @Test
  void should_ask_only_the_configured_workspace_when_a_webhook_names_another_host() throws Exception {
    List<URI> contacted = new CopyOnWriteArrayList<>();
    ProxySelector previous = ProxySelector.getDefault();
    // Every HTTP client the adapters build asks the default selector where to connect: it sees every request.
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        contacted.add(uri);
        return List.of(Proxy.NO_PROXY);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {
      }
    });
    try {
      start(false);
      String hostile = "{\"event_type\":\"jobs.on_failure\",\"workspace_id\":\"attacker.example\","
          + "\"workspace_url\":\"https://attacker.example\",\"host\":\"https://attacker.example\","
          + "\"run\":{\"run_id\":\"" + Dependencies.RUN + "\",\"run_page_url\":"
          + "\"https://attacker.example/?o=1#job/1/run/" + Dependencies.RUN + "\"},"
          + "\"job\":{\"job_id\":\"11223344\",\"name\":\"A multitask job\"}}";

      assertThat(service.post("/webhooks/databricks", hostile).statusCode()).isEqualTo(202);
      Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent()
          && list.get(0).notification().isPresent(), Duration.ofSeconds(20)).get(0);

      assertThat(deps.databricks.seen("/api/2.2/jobs/runs/get")).extracting(s -> s.query().get("run_id"))
          .contains(Dependencies.RUN);
      assertThat(deps.databricks.seen()).allSatisfy(seen ->
          assertThat(seen.headers().get("authorization")).isEqualTo("Bearer " + Dependencies.DATABRICKS_TOKEN));
      assertThat(contacted).isNotEmpty().allSatisfy(uri -> assertThat(uri.getHost()).isEqualTo("127.0.0.1"));
      assertThat(incident.analysis().failedTask()).isEqualTo("transform");
    } finally {
      ProxySelector.setDefault(previous);
    }
  }

  @Test
  void should_keep_every_secret_out_of_the_log_when_tokens_are_configured_and_calls_fail() throws Exception {
    deps.databricks.script("/api/2.2/jobs/runs/get",
        DatabricksStub.Answer.json(403, DatabricksStub.fixture("error-403-invalid-access-token.json")));
    deps.jira.script("POST", "/rest/api/3/issue", dev.aiops.rca.adapter.jira.JiraStub.Answer.json(401,
        "{\"errorMessages\":[\"You are not authenticated.\"]}"));
    deps.slack.script("chat.postMessage", dev.aiops.rca.adapter.slack.SlackStub.Answer.json(200,
        "{\"ok\":false,\"error\":\"invalid_auth\"}"));
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    Object previousLevel = rootLevel("TRACE");
    // The console appender writes to whatever System.err is at the time, so this sees every line it writes.
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      start(false);
      Map<String, String> env = new HashMap<>(deps.settings());
      env.put("RCA_DATA_DIR", data.toString());
      env.put("RCA_API_KEY", E2eService.KEY);
      // What serve prints at start-up.
      AppConfig.from(ConfigSource.of(env)).describe().forEach(line -> LOG.info("setting {}", line));
      service.wiring().notes().forEach(note -> LOG.info("wiring {}", note));

      send(post("/webhooks/databricks?code=" + E2eService.KEY, Dependencies.WEBHOOK, Map.of()));
      send(post("/webhooks/adf", "{\"pipelineRunId\":\"" + E2eService.KEY + "\"}", Map.of("X-API-Key", "nope")));
      service.awaitIncidents(list -> list.size() == 1, Duration.ofSeconds(20));
      awaitInboxIdle();
    } finally {
      System.setErr(original);
      rootLevel(previousLevel);
    }

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("DEBUG").contains("OPS-1").contains("setting ");
    for (String secret : Dependencies.secrets()) {
      assertThat(log).as("the log holds a secret").doesNotContain(secret);
    }
    assertThat(log).doesNotContain("admin-password-for-security-test");
  }

  private void awaitInboxIdle() throws InterruptedException {
    for (int i = 0; i < 200 && service.wiring().inbox().counts().get(DeliveryStatus.PENDING) > 0; i++) {
      Thread.sleep(50);
    }
  }

  /** Sets the root logger's level through logback (a runtime dependency only), returning the level it had. */
  private static Object rootLevel(Object level) throws Exception {
    Object root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Class<?> levels = Class.forName("ch.qos.logback.classic.Level");
    Object previous = root.getClass().getMethod("getLevel").invoke(root);
    Object wanted = level instanceof String ? levels.getMethod("toLevel", String.class).invoke(null, level) : level;
    Method setLevel = root.getClass().getMethod("setLevel", levels);
    setLevel.invoke(root, wanted);
    return previous;
  }

  private long medianMicros(String key) throws Exception {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long start = System.nanoTime();
      send(post("/webhooks/databricks", "{}", Map.of("X-API-Key", key)));
      times.add((System.nanoTime() - start) / 1_000);
    }
    Collections.sort(times);
    return times.get(times.size() / 2);
  }

  private HttpRequest post(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return request.build();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
