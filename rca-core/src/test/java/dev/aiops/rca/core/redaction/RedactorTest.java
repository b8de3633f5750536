package dev.aiops.rca.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

  private final Redactor redactor = Redactor.standard();

  static Stream<Arguments> secrets() {
    return Stream.of(
        Arguments.of("token dapi0123456789abcdef0123456789abcdef-2 used",
            "token [REDACTED:DATABRICKS_TOKEN] used"),
        Arguments.of("slack xoxb-123-456-abcDEF123 down", "slack [REDACTED:SLACK_TOKEN] down"),
        Arguments.of("Authorization: Bearer abc123def456ghi", "Authorization: Bearer [REDACTED:BEARER_TOKEN]"),
        Arguments.of("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature_1 end", "jwt [REDACTED:JWT] end"),
        Arguments.of("https://a.blob.core.windows.net/c?sv=2022&sig=AbC%2Bdef123%3D",
            "https://a.blob.core.windows.net/c?sv=2022&sig=[REDACTED:AZURE_SAS_SIGNATURE]"),
        Arguments.of("AccountName=a;AccountKey=QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=;EndpointSuffix=x",
            "AccountName=a;AccountKey=[REDACTED:AZURE_STORAGE_KEY];EndpointSuffix=x"),
        Arguments.of("jdbc:postgresql://etl:s3cr3t!@db:5432/prod", "jdbc:postgresql://etl:[REDACTED:URL_PASSWORD]@db:5432/prod"),
        Arguments.of("user=sa;password=Pa55word;encrypt=true", "user=sa;password=[REDACTED:PASSWORD];encrypt=true"),
        Arguments.of("{\"client_secret\": \"abc def\"}", "{\"client_secret\": \"[REDACTED:CLIENT_SECRET]\"}"),
        Arguments.of("MY_API_KEY=abcdef", "MY_API_KEY=[REDACTED:SECRET_SETTING]"),
        Arguments.of("mail ops.team+x@corp.example.com now", "mail [REDACTED:EMAIL] now"),
        Arguments.of("-----BEGIN PRIVATE KEY-----\nMIIBVwIBADAN\nBgkqhkiG==\n-----END PRIVATE KEY-----\nafter",
            "[REDACTED:PRIVATE_KEY]\nafter"),
        Arguments.of("[CAST_INVALID_INPUT] The value 'Alice Smith' of the type \"STRING\" cannot be cast",
            "[CAST_INVALID_INPUT] The value '[REDACTED:DATA_VALUE]' of the type \"STRING\" cannot be cast"),
        Arguments.of("Key (id)=(42) already exists.", "Key (id)=([REDACTED:DATA_VALUE]) already exists."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void should_replace_the_secret_with_a_typed_placeholder_when_it_is_recognised(String text, String expected) {
    assertThat(redactor.redact(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`users` cannot be found. SQLSTATE: 42P01",
      "\tat org.apache.spark.sql.Dataset.ofRows(Dataset.scala:99)",
      "Caused by: java.io.FileNotFoundException: abfss://raw@acct.dfs.core.windows.net/orders/2026/11/26.csv",
      "Bearer authentication is required for https://adb-1.azuredatabricks.net/api/2.2/jobs/runs/get?run_id=42",
      "max_tokens=1024 token_count: 17 tokenizer=cl100k",
      "java.lang.OutOfMemoryError: GC overhead limit exceeded; spark.executor.memory=8g",
      "Cluster 0123-456789-abcdefgh terminated: CLOUD_PROVIDER_LAUNCH_FAILURE"})
  void should_leave_the_text_alone_when_it_holds_no_secret(String text) {
    assertThat(redactor.redact(text)).isEqualTo(text);
  }

  @Test
  void should_keep_row_values_when_data_values_are_not_to_be_redacted() {
    Redactor keeping = new Redactor(RedactionSettings.defaults().withDataValues(false));
    String text = "The value 'Alice' of the type \"STRING\" cannot be cast; password=hunter22";

    assertThat(keeping.redact(text))
        .isEqualTo("The value 'Alice' of the type \"STRING\" cannot be cast; password=[REDACTED:PASSWORD]");
  }

  @Test
  void should_replace_the_services_own_secrets_wherever_they_appear_when_they_are_known() {
    Redactor knowing = new Redactor(RedactionSettings.defaults().withKnownSecrets(Set.of("plain-looking-v4lue", "ab")));

    assertThat(knowing.redact("sent plain-looking-v4lue to ab")).isEqualTo("sent [REDACTED:KNOWN_SECRET] to ab");
  }

  @Test
  void should_give_the_same_text_when_redacted_twice() {
    String once = redactor.redact(CanaryCorpus.evidence());

    assertThat(redactor.redact(once)).isEqualTo(once);
  }

  @Test
  void should_keep_the_head_and_tail_and_redact_both_when_the_text_exceeds_the_bound() {
    Redactor bounded = new Redactor(new RedactionSettings(true, Set.of(), 10_000));
    String head = "head password=first-secret\n";
    String tail = "tail dapi0123456789abcdef0123456789abcdef\n";
    String text = head + "filler line\n".repeat(5_000) + tail;

    String clean = bounded.redact(text);

    assertThat(clean.length()).isLessThan(10_100);
    assertThat(clean).startsWith("head password=[REDACTED:PASSWORD]\n")
        .endsWith("tail [REDACTED:DATABRICKS_TOKEN]\n")
        .contains("[TRUNCATED:")
        .doesNotContain("first-secret", "dapi0123");
  }

  @Test
  void should_drop_the_orphaned_half_of_a_private_key_when_the_cut_splits_it() {
    Redactor bounded = new Redactor(new RedactionSettings(true, Set.of(), 2_000));
    String key = "-----BEGIN RSA PRIVATE KEY-----\n" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789abc\n".repeat(60)
        + "-----END RSA PRIVATE KEY-----\n";

    String clean = bounded.redact("start\n" + key + "end\n");

    assertThat(clean).doesNotContain("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo").endsWith("end\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eyJa", "eyJa.eyJb.", "a@", "password=", "x-", "Key (a)=(", "dapi", "Bearer 1",
      "sig=", "-----BEGIN PRIVATE KEY-----", "value '", "violated by row with values:\n - a : ", "a:b@", "Q~"})
  void should_finish_rather_than_backtrack_for_hours_when_the_text_is_megabytes_of_an_adversarial_pattern(
      String unit) {
    // Two million characters is the default bound; anything quadratic would take hours here. The bound is a guard
    // against a hang on a busy machine, not a speed figure: those are in bench's ExtractionBenchmark.
    String text = unit.repeat(RedactionSettings.DEFAULT_MAX_CHARS / unit.length());

    assertTimeoutPreemptively(Duration.ofMinutes(2), () -> redactor.redact(text));
  }

  @Test
  void should_give_the_same_answers_when_used_from_many_threads() throws Exception {
    String expected = redactor.redact(CanaryCorpus.evidence());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      var results = IntStream.range(0, 64)
          .mapToObj(i -> pool.submit(() -> redactor.redact(CanaryCorpus.evidence()))).toList();
      for (Future<String> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_refuse_a_bound_so_small_that_nothing_useful_remains_when_configured() {
    assertThatThrownBy(() -> new RedactionSettings(true, Set.of(), 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxChars");
  }

  @Test
  void should_redact_the_string_values_of_a_json_body_and_keep_its_structure() {
    String body = "{\"run\": {\"run_id\": 455644833, \"note\": \"x\\u0041\"},\n \"error_message\": "
        + quoted(CanaryCorpus.evidence()) + ", \"tags\": [\"owner\", true, null]}";

    String stored = new Redactor(CanaryCorpus.settings()).redactBody(body);

    assertThat(CanaryCorpus.survivorsIn(stored)).isEmpty();
    assertThat(stored).startsWith("{\"run\": {\"run_id\": 455644833, \"note\": \"x\\u0041\"},\n "
            + "\"error_message\": \"")
        .endsWith("\", \"tags\": [\"owner\", true, null]}").contains("[REDACTED:");
  }

  @Test
  void should_mask_a_json_value_whole_when_its_key_names_a_secret() {
    assertThat(Redactor.standard().redactBody("{\"params\": {\"db_password\": \"plain words\", \"run\": \"7\"}}"))
        .isEqualTo("{\"params\": {\"db_password\": \"[REDACTED:PASSWORD]\", \"run\": \"7\"}}");
  }

  @Test
  void should_redact_a_body_that_is_not_json_as_text() {
    assertThat(Redactor.standard().redactBody("token dapi0123456789abcdef0123456789abcdef \"open"))
        .isEqualTo("token [REDACTED:DATABRICKS_TOKEN] \"open");
  }

  @Test
  void should_redact_a_large_body_once_when_each_of_its_runs_brings_it_again() {
    String body = "[" + "{\"runId\": \"r\", \"message\": \"token dapi0123456789abcdef0123456789abcdef\"},".repeat(400)
        + "{}]";
    String first = redactor.redactBody(body);

    // Each run's delivery reads the body from the store again: equal text, another instance.
    String again = redactor.redactBody(new String(body.toCharArray()));

    assertThat(body.length()).isGreaterThan(RecentBodies.LARGE);
    assertThat(first).doesNotContain("dapi0123").contains("[REDACTED:DATABRICKS_TOKEN]");
    assertThat(again).isSameAs(first);
    assertThat(redactor.redactBody(body.replace("\"r\"", "\"s\""))).isNotSameAs(first).contains("\"s\"");
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
