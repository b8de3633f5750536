package dev.aiops.rca.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.Samples;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RemediationPolicyTest {

  private static final RunKey RUN = RunKey.of(Source.DATABRICKS, "1");

  @ParameterizedTest
  @EnumSource(Category.class)
  void should_never_offer_a_remediation_for_a_category_a_rerun_does_not_cure_even_in_auto_mode(Category category) {
    RemediationSettings everything = new RemediationSettings(RemediationSettings.Mode.AUTO,
        EnumSet.allOf(RemediationAction.class),
        RemediationSettings.curableCategories(), 5);

    RemediationDecision decision = new RemediationPolicy(everything).decide(incident(category), RUN, List.of());

    if (RemediationSettings.NEVER_REMEDIATED.contains(category)) {
      assertThat(decision).isInstanceOfSatisfying(RemediationDecision.NoRemediation.class,
          refused -> assertThat(refused.reason()).contains("a rerun does not cure " + category));
    } else {
      assertThat(decision).isInstanceOf(RemediationDecision.Execute.class);
    }
  }

  @Test
  void should_name_capacity_at_cluster_start_configuration_permission_credentials_code_and_data_as_never_cured() {
    assertThat(RemediationSettings.NEVER_REMEDIATED).contains(Category.CLUSTER_LAUNCH_FAILURE,
        Category.CONFIGURATION, Category.PERMISSION_DENIED, Category.AUTHENTICATION, Category.CODE_ERROR,
        Category.DATA_QUALITY);
  }

  @Test
  void should_refuse_settings_that_allow_a_category_a_rerun_does_not_cure() {
    assertThatThrownBy(() -> new RemediationSettings(RemediationSettings.Mode.AUTO,
        EnumSet.allOf(RemediationAction.class), EnumSet.of(Category.NETWORK, Category.CLUSTER_LAUNCH_FAILURE), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CLUSTER_LAUNCH_FAILURE");
  }

  private static Incident incident(Category category) {
    return new Incident(new IncidentId(1), Samples.signature('a'), RUN, "etl", IncidentStatus.OPEN, 1, Samples.T0,
        Samples.T0, Samples.analysis(category, "line"), Optional.empty(), Optional.empty(), Map.of());
  }
}
