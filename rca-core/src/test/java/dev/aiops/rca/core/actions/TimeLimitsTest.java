package dev.aiops.rca.core.actions;

import static dev.aiops.rca.core.actions.Given.actions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeLimitsTest {

  @Test
  void should_compare_timeout_seconds_with_the_elapsed_time_when_both_are_in_the_details() {
    String text = "Run timed out: the task exceeded its timeout.";

    assertThat(actions(Category.TIMEOUT, Map.of("timeout_seconds", "3600", "execution_duration", "3601500"), text))
        .singleElement().asString()
        .startsWith("Task `load_orders` is limited by `timeout_seconds` = 3600 (1 h) and ran for 1 h 1 s");
  }

  @Test
  void should_name_the_broadcast_timeout_and_the_broadcast_side() {
    String text = "org.apache.spark.SparkException: Could not execute broadcast in 300 secs. You can increase the"
        + " timeout for broadcasts via spark.sql.broadcastTimeout or disable broadcast join\n"
        + "---> 16 enriched = events.join(F.broadcast(store_dim), \"store_id\")";

    assertThat(actions(Category.TIMEOUT, text)).singleElement().asString()
        .contains("broadcast of `store_dim`").contains("`spark.sql.broadcastTimeout` = 300s")
        .contains("spark.sql.autoBroadcastJoinThreshold");
  }

  @Test
  void should_name_the_activity_timeout_setting_when_sql_execution_times_out() {
    String text = "Execution Timeout Expired. The timeout period elapsed prior to completion of the operation or the"
        + " server is not responding.";

    assertThat(actions(Category.TIMEOUT,
        Map.of("scriptBlockExecutionTimeout", "00:30:00", "durationInMs", "1801233"), text))
        .singleElement().asString()
        .contains("`scriptBlockExecutionTimeout` = 00:30:00 (30 min) and ran for 30 min 1 s");
  }

  @Test
  void should_read_the_adf_policy_timeout_in_days_hours_minutes_seconds() {
    assertThat(actions(Category.TIMEOUT, Map.of("policy.timeout", "0.02:00:00"), "Activity timed out."))
        .singleElement().asString().contains("`policy.timeout` = 0.02:00:00 (2 h)");
  }

  @Test
  void should_fall_back_to_the_command_timeout_advice_when_sql_times_out_without_settings() {
    assertThat(actions(Category.TIMEOUT, "SqlException: Execution Timeout Expired.")).singleElement().asString()
        .contains("command timeout");
  }

  @Test
  void should_name_a_spark_timeout_condition_and_its_limit() {
    String text = "[SPARK_JOB_TIMEOUT.EXCEEDED] The job did not finish within 7200 seconds.";

    assertThat(actions(Category.TIMEOUT, text)).singleElement().asString()
        .contains("`SPARK_JOB_TIMEOUT.EXCEEDED` limit of 7200 seconds");
  }

  @Test
  void should_give_nothing_when_no_limit_is_known() {
    assertThat(actions(Category.TIMEOUT, Map.of("timeout_seconds", "0"), "The run was terminated.")).isEmpty();
  }

  @Test
  void should_format_durations_for_people() {
    assertThat(TimeLimits.human(45)).isEqualTo("45 s");
    assertThat(TimeLimits.human(5400)).isEqualTo("1 h 30 min");
    assertThat(TimeLimits.human(93600)).isEqualTo("1 d 2 h");
    assertThat(TimeLimits.parseSeconds("1.00:00:30")).hasValue(86430);
  }
}
