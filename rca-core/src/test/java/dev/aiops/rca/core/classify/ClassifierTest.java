package dev.aiops.rca.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.ClassificationLayer;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One statement per kind of message the layers must read, each shaped as the vendor documents it (names, hosts and
 * values invented): the kinds of miss found on held-out failures, none taken from the development cases.
 */
class ClassifierTest {

  private final Classifier classifier = Classifier.standard();

  static Stream<Arguments> statements() {
    return Stream.of(
        // HTTP by number, reason phrase and .NET enum name
        args("The remote server returned an error: (429) Too Many Requests.", Category.QUOTA_OR_THROTTLING,
            ClassificationLayer.HTTP_STATUS),
        args("Response status code does not indicate success: 503 (Service Unavailable).",
            Category.UPSTREAM_DEPENDENCY, ClassificationLayer.HTTP_STATUS),
        args("Call failed with status code TooManyRequests.", Category.QUOTA_OR_THROTTLING,
            ClassificationLayer.HTTP_STATUS),
        args("Request to the endpoint returned GatewayTimeout", Category.TIMEOUT, ClassificationLayer.HTTP_STATUS),
        args("401 Client Error: Unauthorized for url: https://api.example.com/v1/items", Category.AUTHENTICATION,
            ClassificationLayer.HTTP_STATUS),
        args("HTTP 403: Forbidden - the token has expired", Category.AUTHENTICATION, ClassificationLayer.HTTP_STATUS),
        args("HTTP 404 Not Found: table main.sales.orders", Category.TABLE_OR_VIEW_NOT_FOUND,
            ClassificationLayer.HTTP_STATUS),
        // TLS alerts and certificate paths
        args("javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_expired", Category.NETWORK,
            ClassificationLayer.SIGNATURE),
        args("sun.security.validator.ValidatorException: PKIX path building failed: "
            + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path "
            + "to requested target", Category.NETWORK, ClassificationLayer.EXCEPTION_TYPE),
        args("ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed "
            + "certificate in certificate chain", Category.NETWORK, ClassificationLayer.PHRASE),
        // SQL Server / Azure SQL numbers
        args("Msg 40615, Level 14, State 1: Cannot open server 'sqlsrv01' requested by the login. Client with IP "
            + "address '20.1.2.3' is not allowed to access the server.", Category.NETWORK,
            ClassificationLayer.IDENTIFIER),
        args("SqlException (0x80131904): Transaction (Process ID 61) was deadlocked on lock resources with another "
            + "process and has been chosen as the deadlock victim. Rerun the transaction. Number=1205,",
            Category.CONCURRENT_MODIFICATION, ClassificationLayer.IDENTIFIER),
        args("Login failed for user 'etl_reader'.", Category.AUTHENTICATION, ClassificationLayer.PHRASE),
        args("Msg 208, Level 16, State 1, Line 3 Invalid object name 'stg.Customer'.",
            Category.TABLE_OR_VIEW_NOT_FOUND, ClassificationLayer.IDENTIFIER),
        // Azure Storage, Cosmos DB and ARM codes
        args("Status code 503, ErrorCode: ServerBusy, The server is busy.", Category.QUOTA_OR_THROTTLING,
            ClassificationLayer.IDENTIFIER),
        args("Operation returned an invalid status code 'Forbidden'. ErrorCode: AuthorizationFailure",
            Category.PERMISSION_DENIED, ClassificationLayer.IDENTIFIER),
        args("{\"error\":{\"code\":\"SubscriptionRequestsThrottled\",\"message\":\"Number of requests exceeded\"}}",
            Category.QUOTA_OR_THROTTLING, ClassificationLayer.IDENTIFIER),
        args("Message: {\"Errors\":[\"Request rate is large. More Request Units may be needed\"]} StatusCode: 429",
            Category.QUOTA_OR_THROTTLING, ClassificationLayer.HTTP_STATUS),
        args("The condition specified using HTTP conditional header(s) is not met. ErrorCode: ConditionNotMet",
            Category.CONCURRENT_MODIFICATION, ClassificationLayer.IDENTIFIER),
        // Data Factory activity and data-flow codes
        args("ErrorCode=DF-Executor-OutOfMemoryError, Cluster ran into out of memory issue", Category.OUT_OF_MEMORY,
            ClassificationLayer.IDENTIFIER),
        args("Job failed due to reason: at Sink 'sink1': DF-MSSQL-InvalidFirewallSetting", Category.NETWORK,
            ClassificationLayer.IDENTIFIER),
        args("ErrorCode=UserErrorSqlBulkCopyInvalidColumnLength,'Type=x,Message=SQL Bulk Copy failed",
            Category.CONFIGURATION, ClassificationLayer.IDENTIFIER),
        // Databricks REST error codes and cluster termination codes
        args("{\"error_code\":\"RESOURCE_EXHAUSTED\",\"message\":\"Too many requests\"}",
            Category.QUOTA_OR_THROTTLING, ClassificationLayer.IDENTIFIER),
        args("Cluster 0101-010101-abcd terminated. Reason: INIT_SCRIPT_FAILURE (CLIENT_ERROR). Parameters: "
            + "instance_id:i-0, databricks_error_message:Cluster scoped init script failed", Category.CLUSTER_LAUNCH_FAILURE,
            ClassificationLayer.IDENTIFIER),
        args("termination reason: code: DRIVER_UNREACHABLE, type: SERVICE_FAULT", Category.NETWORK,
            ClassificationLayer.IDENTIFIER),
        // Spark legacy template without a tag, and a Delta class
        args("Could not execute broadcast in 300 secs. You can increase the timeout for broadcasts via "
            + "spark.sql.broadcastTimeout or disable broadcast join", Category.TIMEOUT, ClassificationLayer.TEMPLATE),
        args("io.delta.exceptions.ConcurrentDeleteReadException: [DELTA_CONCURRENT_DELETE_READ] Transaction conflict "
            + "detected.", Category.CONCURRENT_MODIFICATION, ClassificationLayer.IDENTIFIER),
        // Absence next to a noun
        args("Could not find table 'analytics.daily_kpis'", Category.TABLE_OR_VIEW_NOT_FOUND,
            ClassificationLayer.PHRASE),
        args("The column 'region_code' does not exist in the input", Category.COLUMN_NOT_FOUND,
            ClassificationLayer.PHRASE),
        args("Directory abfss://raw@lake.dfs.core.windows.net/in/2024 does not exist", Category.FILE_NOT_FOUND,
            ClassificationLayer.PHRASE),
        // Deadline and timeout wording, column counts
        args("grpc: DEADLINE_EXCEEDED: deadline exceeded after 59.99s", Category.TIMEOUT, ClassificationLayer.IDENTIFIER),
        args("The operation took longer than the configured 3600 seconds", Category.TIMEOUT, ClassificationLayer.PHRASE),
        args("Number of columns in the source (12) does not match the number of columns in the target (11)",
            Category.SCHEMA_MISMATCH, ClassificationLayer.PHRASE),
        // SQLSTATE
        args("org.postgresql.util.PSQLException: ERROR: relation \"audit_log\" does not exist SQLSTATE: 42P01",
            Category.TABLE_OR_VIEW_NOT_FOUND, ClassificationLayer.SQLSTATE),
        args("java.sql.SQLException: [Simba][SparkJDBCDriver](500051) ERROR processing query, SQL state: 08S01",
            Category.NETWORK, ClassificationLayer.SQLSTATE),
        // Worded without their numbers or codes
        args("com.microsoft.sqlserver.jdbc.SQLServerException: Cannot open server 'sqlsrv01' requested by the login. "
            + "Client with IP address '20.1.2.3' is not allowed to access the server.", Category.NETWORK,
            ClassificationLayer.PHRASE),
        args("java.util.concurrent.TimeoutException: Futures timed out after [300 seconds]", Category.TIMEOUT,
            ClassificationLayer.EXCEPTION_TYPE),
        args("org.apache.http.conn.HttpHostConnectException: Connect to api.example.com:443 failed: Connection timed"
            + " out", Category.NETWORK, ClassificationLayer.PHRASE),
        args("Container killed by YARN for exceeding memory limits. 5.5 GB of 5.5 GB physical memory used.",
            Category.OUT_OF_MEMORY, ClassificationLayer.PHRASE),
        args("Request failed with status code 504", Category.TIMEOUT, ClassificationLayer.HTTP_STATUS),
        args("Server failed to authenticate the request. Make sure the value of Authorization header is formed "
            + "correctly including the signature.", Category.AUTHENTICATION, ClassificationLayer.PHRASE),
        args("ERROR: Could not find a version that satisfies the requirement acme-utils==1.2.3 (from versions: none)",
            Category.LIBRARY_INSTALLATION, ClassificationLayer.PHRASE),
        args("ExecutorLostFailure (executor 5 exited caused by one of the running tasks) Reason: Command exited with "
            + "code 137", Category.OUT_OF_MEMORY, ClassificationLayer.PHRASE),
        args("botocore.exceptions.ClientError: An error occurred (NoSuchKey) when calling the GetObject operation: "
            + "The specified key does not exist.", Category.FILE_NOT_FOUND, ClassificationLayer.IDENTIFIER),
        args("Type=System.UnauthorizedAccessException,Message=Access to the path 'D:\\staging\\out.csv' is denied.",
            Category.PERMISSION_DENIED, ClassificationLayer.EXCEPTION_TYPE),
        args("Error: Cannot resolve hostname: 'myserver.database.windows.net'", Category.NETWORK,
            ClassificationLayer.PHRASE),
        args("databricks.sdk.errors.platform.ResourceDoesNotExist: Job 123456 does not exist.",
            Category.FILE_NOT_FOUND, ClassificationLayer.IDENTIFIER),
        args("Error code: 2106. Message: The storage connection string is invalid.", Category.CONFIGURATION,
            ClassificationLayer.IDENTIFIER),
        args("The integration runtime failed to start the cluster: insufficient cores in the subscription quota.",
            Category.CLUSTER_LAUNCH_FAILURE, ClassificationLayer.PHRASE),
        args("Query exceeded the maximum execution time of 3600 seconds", Category.TIMEOUT, ClassificationLayer.PHRASE),
        args("java.lang.ClassNotFoundException: Failed to find data source: kafka. Please deploy the application as "
            + "per the deployment section of the Kafka Integration Guide.", Category.LIBRARY_INSTALLATION,
            ClassificationLayer.TEMPLATE),
        // Entra ID
        args("AADSTS700016: Application with identifier 'x' was not found in the directory 'contoso'",
            Category.AUTHENTICATION, ClassificationLayer.IDENTIFIER),
        args("AADSTS90033: A transient error has occurred. Please try again.", Category.UPSTREAM_DEPENDENCY,
            ClassificationLayer.IDENTIFIER));
  }

  private static Arguments args(String statement, Category category, ClassificationLayer layer) {
    return Arguments.of(statement, category, layer);
  }

  @ParameterizedTest
  @MethodSource("statements")
  void should_classify_each_kind_of_message_by_its_own_layer(String statement, Category category,
      ClassificationLayer layer) {
    Optional<Verdict> verdict = classifier.classify(statement);

    assertThat(verdict).as(statement).isPresent();
    assertThat(verdict.get().category()).as(verdict.get().toString()).isEqualTo(category);
    assertThat(verdict.get().layer()).as(verdict.get().toString()).isEqualTo(layer);
  }
}
