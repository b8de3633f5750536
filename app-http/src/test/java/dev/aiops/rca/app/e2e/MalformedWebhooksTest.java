package dev.aiops.rca.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.adf.AdfStub;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.domain.DeliveryStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand generated and mutated webhook bodies against both intake endpoints over real HTTP: the service
 * answers each with a 2xx or a 4xx that says why, keeps every refused body, and stays ready.
 */
class MalformedWebhooksTest {

  private static final int BODIES = 10_000;
  private static final int IN_FLIGHT = 8;
  private static final long SEED = 0x5EED_10L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEEP_MARK = "@@deep:";
  private static final List<String> PATHS = List.of("/webhooks/databricks", "/webhooks/adf");

  private static final List<String> SEEDS = List.of(
      DatabricksStub.fixture("webhook-job-failure.json"),
      DatabricksStub.fixture("webhook-job-failure-numeric-ids.json"),
      DatabricksStub.fixture("webhook-task-failure.json"),
      DatabricksStub.fixture("webhook-job-success.json"),
      DatabricksStub.fixture("webhook-job-duration-warning.json"),
      "{\"event\":\"on_failure\",\"run_id\":77,\"job_id\":7,\"job_name\":\"etl\",\"error_message\":\"boom\"}",
      AdfStub.fixture("web-activity-failure-body-rendered.json"),
      AdfStub.fixture("common-alert-schema-adf-metric-pipelinefailedruns-fired.json"),
      AdfStub.fixture("common-alert-schema-adf-log-search-adfactivityrun.json"),
      AdfStub.fixture("common-alert-schema-adf-metric-pipelinefailedruns-resolved.json"));

  @TempDir
  Path data;

  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  @Timeout(120)
  void should_answer_every_malformed_body_with_a_reasoned_4xx_and_keep_it_when_ten_thousand_are_sent() throws Exception {
    // One worker: the few bodies that mutate into valid failures are processed without competing for the CPU.
    service = E2eService.start(data, Map.of("RCA_WORKERS", "1"));

    assertSurvives(service, BODIES);
  }

  @Test
  void should_refuse_and_keep_a_failure_when_its_job_id_is_longer_than_the_store_keeps() throws Exception {
    service = E2eService.start(data, Map.of());
    String longest = "{\"event\":\"on_failure\",\"run_id\":76,\"job_id\":\"" + "9".repeat(260)
        + "\",\"job_name\":\"etl\",\"error_message\":\"boom\"}";
    String body = "{\"event\":\"on_failure\",\"run_id\":77,\"job_id\":\"" + "9".repeat(261)
        + "\",\"job_name\":\"etl\",\"error_message\":\"boom\"}";

    HttpResponse<String> kept = service.post("/webhooks/databricks", longest);
    HttpResponse<String> answer = service.post("/webhooks/databricks", body);

    // A Data Factory pipeline name (the job id of an ADF failure) may be 260 characters long.
    assertThat(kept.statusCode()).isEqualTo(202);
    // It used to fail the insert on every attempt and be answered 503, which tells the sender to retry forever.
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).path("reason").asText()).contains("job id").contains("260");
    assertThat(service.wiring().inbox().counts().get(DeliveryStatus.REJECTED)).isEqualTo(1);
  }

  @Test
  void should_refuse_and_keep_run_ids_that_cannot_name_a_run() throws Exception {
    service = E2eService.start(data, Map.of());

    HttpResponse<String> zero = service.post("/webhooks/databricks",
        "{\"event\":\"on_failure\",\"run_id\":0,\"job_id\":7,\"job_name\":\"etl\"}");
    HttpResponse<String> beyond = service.post("/webhooks/databricks",
        "{\"event\":\"on_failure\",\"run_id\":9223372036854775808,\"job_id\":7,\"job_name\":\"etl\"}");
    HttpResponse<String> notGuid = service.post("/webhooks/adf",
        "{\"pipelineName\":\"pl_sales\",\"pipelineRunId\":\"12345\",\"dataFactoryName\":\"adf\"}");

    assertThat(List.of(zero, beyond, notGuid)).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(400));
    assertThat(JSON.readTree(zero.body()).path("reason").asText()).contains("positive 64-bit number");
    assertThat(JSON.readTree(beyond.body()).path("reason").asText()).contains("positive 64-bit number");
    assertThat(JSON.readTree(notGuid.body()).path("reason").asText()).contains("must be a GUID");
    assertThat(service.wiring().inbox().counts().get(DeliveryStatus.REJECTED)).isEqualTo(3);
  }

  /**
   * Sends {@code count} generated bodies (the first one of 10 MB) alternately to both intakes, and checks the
   * answers, the rejected deliveries kept and readiness afterwards.
   */
  static void assertSurvives(E2eService service, int count) throws Exception {
    Random random = new Random(SEED);
    List<byte[]> bodies = new ArrayList<>(count);
    bodies.add(tenMegabytes(random));
    while (bodies.size() < count) {
      bodies.add(mutate(random));
    }

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> problems = new CopyOnWriteArrayList<>();
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Void>> sent = new ArrayList<>(count);
    for (int i = 0; i < bodies.size(); i++) {
      byte[] body = bodies.get(i);
      String path = PATHS.get(i % 2);
      inFlight.acquire();
      // A delivery id of its own, so that bodies that happen to coincide are still kept once each.
      HttpRequest request = HttpRequest.newBuilder(service.uri(path))
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .header("X-API-Key", E2eService.KEY)
          .header("X-Delivery-Id", "fuzz-" + i)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
      int index = i;
      sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .handle((answer, failure) -> {
            inFlight.release();
            if (failure != null) {
              problems.add("#" + index + " " + path + ": no answer: " + failure);
              return null;
            }
            statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            check(index, path, body, answer).ifPresent(problems::add);
            return null;
          }));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();

    assertThat(problems).as("statuses %s", statuses).isEmpty();
    assertThat(statuses.keySet()).allSatisfy(status -> assertThat(status).isLessThan(500));
    int refused = statuses.getOrDefault(400, new AtomicInteger()).get();
    assertThat(refused).as("statuses %s", statuses).isGreaterThan(count / 2);
    assertThat(service.wiring().inbox().counts().get(DeliveryStatus.REJECTED)).isEqualTo(refused);
    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(service.uri("/health/ready")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
  }

  private static java.util.Optional<String> check(int index, String path, byte[] body, HttpResponse<String> answer) {
    int status = answer.statusCode();
    String head = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
    if (status >= 500) {
      return java.util.Optional.of("#" + index + " " + path + " answered " + status + " " + answer.body()
          + " to " + head);
    }
    if (status >= 400) {
      try {
        JsonNode error = JSON.readTree(answer.body());
        if (error.path("reason").asText("").isBlank() || error.path("error").asText("").isBlank()) {
          return java.util.Optional.of("#" + index + " " + status + " without a reason: " + answer.body());
        }
      } catch (IOException e) {
        return java.util.Optional.of("#" + index + " " + status + " without a JSON body: " + answer.body());
      }
      if (status != 400 && status != 413) {
        return java.util.Optional.of("#" + index + " " + path + " answered " + status + " " + answer.body());
      }
    }
    return java.util.Optional.empty();
  }

  private static byte[] tenMegabytes(Random random) {
    ObjectNode body = (ObjectNode) tree(SEEDS.get(0));
    char[] filler = new char[10 * 1024 * 1024];
    Arrays.fill(filler, 'x');
    body.put("error_message", new String(filler));
    body.put("nonce", random.nextLong());
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One body: a seed, damaged in one or two of the ways senders and networks damage webhooks. */
  private static byte[] mutate(Random random) {
    String seed = SEEDS.get(random.nextInt(SEEDS.size()));
    String text = random.nextInt(5) == 0 ? mutateText(random, seed) : deepen(mutateTree(random, tree(seed)).toString());
    if (random.nextInt(4) == 0) {
      text = mutateText(random, text);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return random.nextInt(8) == 0 ? invalidUtf8(random, bytes) : bytes;
  }

  private static String mutateText(Random random, String text) {
    switch (random.nextInt(7)) {
      case 0:
        return text.substring(0, random.nextInt(Math.max(1, text.length())));
      case 1:
        return "[".repeat(10_000 + random.nextInt(50_000));
      case 2:
        return "{\"a\":".repeat(2_000 + random.nextInt(5_000)) + "1" + "}".repeat(random.nextInt(3));
      case 3:
        return "";
      case 4: {
        if (text.isEmpty()) {
          return "{";
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
          chars[random.nextInt(chars.length)] = (char) (0x20 + random.nextInt(0x60));
        }
        return new String(chars);
      }
      case 5:
        return text + text;
      default:
        return randomValue(random, 0).toString();
    }
  }

  private static JsonNode mutateTree(Random random, JsonNode root) {
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      List<ObjectNode> objects = new ArrayList<>();
      collect(root, objects);
      if (objects.isEmpty()) {
        return randomValue(random, 0);
      }
      ObjectNode target = objects.get(random.nextInt(objects.size()));
      List<String> names = new ArrayList<>();
      target.fieldNames().forEachRemaining(names::add);
      String name = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
      switch (random.nextInt(5)) {
        case 0:
          target.remove(name);
          break;
        case 1:
          target.set(name, randomValue(random, 0));
          break;
        case 2:
          target.put(random.nextBoolean() ? "event_type" : "schemaId", randomEventType(random));
          break;
        case 3:
          // Jackson refuses to write more than 1,000 levels, so the nesting is spliced into the text afterwards.
          target.put(name, DEEP_MARK + (500 + random.nextInt(3_000)));
          break;
        default:
          target.put(name, "9".repeat(1 + random.nextInt(400)));
          break;
      }
    }
    return root;
  }

  private static void collect(JsonNode node, List<ObjectNode> objects) {
    if (node instanceof ObjectNode) {
      objects.add((ObjectNode) node);
    }
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      collect(children.next(), objects);
    }
  }

  private static JsonNode randomValue(Random random, int depth) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (random.nextInt(depth > 3 ? 8 : 10)) {
      case 0: return nodes.nullNode();
      case 1: return nodes.booleanNode(random.nextBoolean());
      case 2: return nodes.numberNode(random.nextLong());
      case 3: return nodes.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(500))));
      case 4: return nodes.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(300)));
      case 5: return nodes.textNode("");
      case 6: return nodes.textNode(randomText(random));
      case 7: return nodes.textNode("\u0000\uFFFF\uD83D\uDCA5" + "x".repeat(random.nextInt(100_000)));
      case 8: {
        ArrayNode array = nodes.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(randomValue(random, depth + 1));
        }
        return array;
      }
      default: {
        ObjectNode object = nodes.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.set(randomText(random), randomValue(random, depth + 1));
        }
        return object;
      }
    }
  }

  private static String randomEventType(Random random) {
    List<String> types = List.of("jobs.on_failure", "jobs.on_success", "jobs.on_failure_v2", "on_failure", "", "x",
        "azureMonitorCommonAlertSchema", "jobs.ON_FAILURE", "\u202Ejobs.on_failure");
    return random.nextInt(3) == 0 ? randomText(random) : types.get(random.nextInt(types.size()));
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(20); i > 0; i--) {
      text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0xD7FF) : 0x20 + random.nextInt(0x5F)));
    }
    return text.toString();
  }

  private static String deepen(String json) {
    java.util.regex.Matcher mark = java.util.regex.Pattern.compile("\"" + DEEP_MARK + "(\\d+)\"").matcher(json);
    StringBuilder out = new StringBuilder();
    while (mark.find()) {
      int depth = Integer.parseInt(mark.group(1));
      mark.appendReplacement(out, "[".repeat(depth) + "\"bottom\"" + "]".repeat(depth));
    }
    return mark.appendTail(out).toString();
  }

  private static byte[] invalidUtf8(Random random, byte[] bytes) {
    byte[][] sequences = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0,
        (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {0x00}};
    byte[] bad = sequences[random.nextInt(sequences.length)];
    int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    byte[] out = new byte[bytes.length + bad.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(bad, 0, out, at, bad.length);
    System.arraycopy(bytes, at, out, at + bad.length, bytes.length - at);
    return out;
  }

  private static JsonNode tree(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
