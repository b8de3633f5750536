package dev.aiops.rca.core.actions;

import static dev.aiops.rca.core.actions.Given.actions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotasTest {

  @Test
  void should_name_family_region_and_new_limit_when_azure_cores_quota_is_exceeded() {
    String text = "Cluster terminated. Reason: Azure Quota Exceeded Exception. Operation could not be completed as it"
        + " results in exceeding approved standardDSv3Family Cores quota. Additional details - Deployment Model:"
        + " Resource Manager, Location: westeurope, Current Limit: 100, Current Usage: 96, Additional Required: 8,"
        + " (Minimum) New Limit Required: 104. Submit a request for Quota increase.";

    assertThat(actions(Category.CLUSTER_LAUNCH_FAILURE, text)).singleElement().asString()
        .startsWith("Request a quota increase for `standardDSv3Family Cores` in `westeurope` from 100 to at least 104")
        .contains("96 in use, 8 more required").contains("another VM family");
  }

  @Test
  void should_add_usage_and_request_when_databricks_reports_the_core_quota() {
    String text = "Could not launch cluster due to cloud provider failures. azure_error_code: OperationNotAllowed,"
        + " azure_error_message: Operation results in exceeding quota limits of Core. Maximum allowed: 100, Current"
        + " in use: 99, Additional requested: 4.";

    assertThat(actions(Category.CLUSTER_LAUNCH_FAILURE, Map.of("new_cluster.node_type_id", "Standard_DS3_v2"), text))
        .singleElement().asString().contains("`Core` quota (total regional vCPUs) from 100 to at least 103 (99 in use plus 4 requested)")
        .contains("`Standard_DS3_v2`");
  }

  @Test
  void should_name_the_vcpu_limit_when_aws_reports_vcpu_limit_exceeded() {
    String text = "VcpuLimitExceeded: You have requested more vCPU capacity than your current vCPU limit of 64 allows"
        + " for the instance bucket that the specified instance type belongs to. (us-west-2)";

    assertThat(actions(Category.CLUSTER_LAUNCH_FAILURE, text)).singleElement().asString()
        .contains("currently 64 vCPUs").contains("`us-west-2`");
  }

  @Test
  void should_name_the_rate_and_the_foreach_batch_count_when_job_creation_is_rate_limited() {
    String text = "There were already 1000 jobs created in past 3600 seconds, exceeding rate limit: 1000 job"
        + " creations per 3600 seconds.";

    assertThat(actions(Category.QUOTA_OR_THROTTLING, Map.of("batchCount", "50"), text)).singleElement().asString()
        .contains("rate limit of 1000 job creations per 3600 seconds").contains("ForEach `batchCount` is 50");
  }

  @Test
  void should_name_the_endpoint_when_calls_get_429() {
    String text = "MlflowException: API request to endpoint /api/2.0/mlflow/runs/search failed with error code 429"
        + " != 200. Response body: 'Too many requests'. Retry-After: 30";

    assertThat(actions(Category.QUOTA_OR_THROTTLING, text)).singleElement().asString()
        .contains("HTTP 429").contains("Retry-After 30 s");
  }

  @Test
  void should_give_nothing_when_throttling_names_no_limit_rate_or_endpoint() {
    assertThat(actions(Category.QUOTA_OR_THROTTLING, "Too many requests")).isEmpty();
    assertThat(actions(Category.CLUSTER_LAUNCH_FAILURE, "Cluster failed to start: driver unreachable")).isEmpty();
  }
}
