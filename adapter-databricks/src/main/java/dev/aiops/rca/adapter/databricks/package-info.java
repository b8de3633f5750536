/** Databricks Jobs API: maps runs/get and runs/get-output responses to the domain's failed runs. */
package dev.aiops.rca.adapter.databricks;
