package dev.aiops.rca.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.AlertSeverity;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Priority;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PriorityMatrixTest {

  private final PriorityMatrix matrix = PriorityMatrix.standard();

  /** The table documented on {@link PriorityMatrix} and in docs/routing.md; 0 = no SLA tag, - = no alert. */
  @ParameterizedTest(name = "tier {0}, {1}, {2}, occurrence {3} -> {4}")
  @CsvSource({
      // urgency × impact, first occurrence, no alert
      "1, -, SCHEMA_MISMATCH, 1, P1",
      "1, -, TIMEOUT, 1, P2",
      "1, -, DATA_QUALITY, 1, P3",
      "2, -, PERMISSION_DENIED, 1, P2",
      "2, -, NETWORK, 1, P3",
      "2, -, CANCELLED, 1, P4",
      "3, -, OUT_OF_MEMORY, 1, P3",
      "3, -, UNKNOWN, 1, P4",
      "3, -, DATA_QUALITY, 1, P4",
      "0, -, TABLE_OR_VIEW_NOT_FOUND, 1, P2",
      "0, -, QUOTA_OR_THROTTLING, 1, P3",
      "0, -, DATA_QUALITY, 1, P4",
      "7, -, CODE_ERROR, 1, P3",
      // recurrence: one step up from the third occurrence, never past P1
      "0, -, TIMEOUT, 2, P3",
      "0, -, TIMEOUT, 3, P2",
      "3, -, DATA_QUALITY, 5, P3",
      "1, -, CODE_ERROR, 9, P1",
      // the alert's severity as a floor
      "3, SEV0, DATA_QUALITY, 1, P1",
      "0, SEV1, TIMEOUT, 1, P1",
      "0, SEV2, CANCELLED, 1, P3",
      "1, SEV2, CODE_ERROR, 1, P1",
      "0, SEV3, CANCELLED, 1, P4",
      "0, SEV4, TIMEOUT, 1, P3",
  })
  void should_decide_the_documented_priority_when_given_sla_severity_category_and_occurrences(int tier,
      String severity, Category category, int occurrences, Priority expected) {
    Optional<Integer> slaTier = tier == 0 ? Optional.empty() : Optional.of(tier);
    Optional<AlertSeverity> alert = severity.equals("-") ? Optional.empty()
        : Optional.of(AlertSeverity.valueOf(severity));

    assertThat(matrix.priority(slaTier, alert, category, occurrences)).isEqualTo(expected);
  }

  @Test
  void should_raise_at_the_configured_occurrence_when_the_threshold_is_set() {
    PriorityMatrix later = new PriorityMatrix(5);

    assertThat(later.priority(Optional.empty(), Optional.empty(), Category.TIMEOUT, 4)).isEqualTo(Priority.P3);
    assertThat(later.priority(Optional.empty(), Optional.empty(), Category.TIMEOUT, 5)).isEqualTo(Priority.P2);
    assertThatThrownBy(() -> new PriorityMatrix(1)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"Sev0, SEV0", "sev3, SEV3", "4, SEV4", "' Sev1 ', SEV1"})
  void should_read_azure_severities_when_written_as_azure_writes_them(String text, AlertSeverity expected) {
    assertThat(AlertSeverity.parse(text)).contains(expected);
    assertThat(expected.label()).isEqualTo("Sev" + expected.ordinal());
  }

  @ParameterizedTest
  @CsvSource({"Sev5", "Critical", "''", "Sev10"})
  void should_read_no_severity_when_it_is_outside_sev0_to_sev4(String text) {
    assertThat(AlertSeverity.parse(text)).isEmpty();
  }
}
