/** Azure Data Factory: maps pipeline runs and their activity runs to the domain's failed runs. */
package dev.aiops.rca.adapter.adf;
