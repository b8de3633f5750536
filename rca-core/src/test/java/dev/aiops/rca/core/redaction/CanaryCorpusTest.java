package dev.aiops.rca.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.core.redaction.CanaryCorpus.Canary;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.EntityKind;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Not one planted secret survives the redactor, in plain text, in a whole run or in an analysis. */
class CanaryCorpusTest {

  private final Redactor redactor = new Redactor(CanaryCorpus.settings());

  @Test
  void should_plant_at_least_thirty_canaries_of_every_kind_when_the_corpus_loads() {
    Set<RedactionKind> kinds = CanaryCorpus.canaries().stream().map(Canary::kind).collect(Collectors.toSet());

    assertThat(CanaryCorpus.canaries()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(kinds).containsAll(EnumSet.allOf(RedactionKind.class));
    assertThat(CanaryCorpus.survivorsIn(CanaryCorpus.evidence())).hasSameSizeAs(CanaryCorpus.canaries());
  }

  @Test
  void should_leave_no_canary_when_the_evidence_is_redacted() {
    String clean = redactor.redact(CanaryCorpus.evidence());

    assertThat(CanaryCorpus.survivorsIn(clean)).isEmpty();
    assertThat(clean).doesNotContain("CaNaRy", "canary2", "canary3");
  }

  @Test
  void should_use_the_canarys_own_placeholder_when_each_line_is_redacted_alone() {
    for (Canary canary : CanaryCorpus.canaries()) {
      String line = CanaryCorpus.evidence().lines().filter(l -> l.contains(canary.value())).findFirst()
          .orElseThrow();
      String context = canary.kind() == RedactionKind.PRIVATE_KEY || canary.kind() == RedactionKind.DATA_VALUE
          ? CanaryCorpus.evidence() : line;

      assertThat(redactor.redact(context)).as("%s in %s", canary, line).doesNotContain(canary.value());
      if (canary.kind() != RedactionKind.PRIVATE_KEY && canary.kind() != RedactionKind.DATA_VALUE) {
        assertThat(redactor.redact(line)).as(line).contains(canary.kind().placeholder());
      }
    }
  }

  @Test
  void should_leave_no_canary_anywhere_in_a_run_when_the_whole_run_is_redacted() {
    FailedRun clean = redactor.redact(CanaryCorpus.failedRun("7001"));

    assertThat(CanaryCorpus.survivorsIn(clean.toString())).isEmpty();
    assertThat(clean.toString()).doesNotContain("CaNaRy");
    assertThat(clean.tasks().get(0).details()).containsEntry("db_password", RedactionKind.PASSWORD.placeholder());
    assertThat(clean.tasks().get(0).error().orElseThrow().trace())
        .contains("[TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`users` cannot be found.");
  }

  @Test
  void should_leave_no_canary_in_an_analysis_when_it_is_redacted() {
    // Evidence excerpts keep their context here: a lone " - amount : -5" line is only known as a row value next to
    // the constraint message, which is why the pipeline redacts the run before anything is extracted from it.
    List<String> paragraphs = Arrays.asList(CanaryCorpus.evidence().split("\n(?=\\[|ADF|Retrying)"));
    RootCauseAnalysis analysis = new RootCauseAnalysis(Category.AUTHENTICATION, paragraphs.get(0), "load_users",
        CanaryCorpus.evidence(), paragraphs, paragraphs, List.of(new Entity(EntityKind.HOST,
        CanaryCorpus.evidence().lines().skip(1).findFirst().orElseThrow())), 0.5, "model:test",
        dev.aiops.rca.domain.Classification.none(), Set.of());

    RootCauseAnalysis clean = redactor.redact(analysis);

    assertThat(CanaryCorpus.survivorsIn(clean.toString())).isEmpty();
    assertThat(clean.category()).isEqualTo(Category.AUTHENTICATION);
  }
}
