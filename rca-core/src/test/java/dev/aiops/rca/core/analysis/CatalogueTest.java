package dev.aiops.rca.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {

  private final Catalogue catalogue = Catalogue.defaultCatalogue();

  @Test
  void should_load_every_wrapper_and_noise_entry_when_the_default_catalogue_is_read() {
    assertThat(catalogue.size()).isGreaterThan(20);
  }

  @Test
  void should_name_the_inner_activity_when_an_execute_pipeline_wrapper_is_peeled() {
    Catalogue.Unwrapped unwrapped = catalogue.unwrap(
        "Activity GetMeta failed: The required Blob is missing. ContainerName: https://x.blob.core.windows.net/in");

    assertThat(unwrapped.innerTasks()).containsExactly("GetMeta");
    assertThat(unwrapped.inner()).startsWith("The required Blob is missing.");
  }

  @Test
  void should_reject_a_line_with_the_wrong_number_of_columns_naming_it() {
    assertThatThrownBy(() -> Catalogue.parse(List.of("# comment", "x\ttext\tfoo")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
  }

  @Test
  void should_reject_a_wrapper_without_an_inner_group() {
    assertThatThrownBy(() -> Catalogue.parse(List.of("w\twrap\tfoo (.*)\t-\t-\t-")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inner");
  }
}
