/**
 * Databricks: reads failed runs through the Jobs API and maps them to the domain, parses job notification webhooks
 * and repairs runs.
 */
package dev.aiops.rca.adapter.databricks;
