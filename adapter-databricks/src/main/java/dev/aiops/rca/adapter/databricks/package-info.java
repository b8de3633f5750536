/** Databricks: reads failed runs through the Jobs API, parses job notification webhooks and repairs runs. */
package dev.aiops.rca.adapter.databricks;
