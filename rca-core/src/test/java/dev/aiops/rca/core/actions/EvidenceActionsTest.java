package dev.aiops.rca.core.actions;

import static dev.aiops.rca.core.actions.Given.actions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.Category;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceActionsTest {

  @Test
  void should_return_without_error_when_the_evidence_is_five_megabytes() {
    StringBuilder big = new StringBuilder(5 * 1024 * 1024 + 200);
    String line = "\tat org.apache.spark.sql.Dataset.ofRows(Dataset.scala:97) |-- a: string -- | Table schema: '\n";
    while (big.length() < 5 * 1024 * 1024) {
      big.append(line);
    }
    big.append("User does not have USE CATALOG on Catalog 'late'.");
    String huge = big.toString();

    for (Category category : Category.values()) {
      assertThat(EvidenceActions.derive(new ActionEvidence(category, huge, List.of(huge, huge), List.of(), Map.of(),
          "t"))).hasSizeLessThanOrEqualTo(EvidenceActions.MAX_ACTIONS);
    }
  }

  @Test
  void should_return_nothing_for_categories_without_evidence_parsers() {
    assertThat(actions(Category.OUT_OF_MEMORY, "java.lang.OutOfMemoryError: Java heap space")).isEmpty();
    assertThat(actions(Category.UNKNOWN)).isEmpty();
  }

  @Test
  void should_read_the_root_line_as_well_as_the_texts() {
    ActionEvidence evidence = new ActionEvidence(Category.TABLE_OR_VIEW_NOT_FOUND,
        "[TABLE_OR_VIEW_NOT_FOUND] The table or view `ops`.`runs` cannot be found.", List.of(), List.of(), Map.of(),
        "");

    assertThat(EvidenceActions.derive(evidence)).singleElement().asString()
        .contains("Table `runs` was looked for in schema `ops` of the current catalog");
  }

  @Test
  void should_drop_an_action_that_would_carry_something_that_looks_like_a_credential() {
    String text = "Login failed for user 'AbCdEfGh1234567890IjKlMnOpQrStUvWxYz0987654321'.";

    assertThat(actions(Category.AUTHENTICATION, text)).isEmpty();
  }

  @Test
  void should_reject_missing_fields_when_the_evidence_is_built() {
    assertThatThrownBy(() -> new ActionEvidence(null, "", List.of(), List.of(), Map.of(), ""))
        .isInstanceOf(NullPointerException.class).hasMessage("category");
    assertThatThrownBy(() -> new ActionEvidence(Category.UNKNOWN, "", List.of(), List.of(), null, ""))
        .isInstanceOf(NullPointerException.class).hasMessage("taskDetails");
  }
}
