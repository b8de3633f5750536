/**
 * Azure Data Factory: reads failed pipeline runs and their activity runs through ARM and maps them to the domain,
 * parses Azure Monitor alerts and pipeline webhooks, and reruns pipelines from the failed activity.
 */
package dev.aiops.rca.adapter.adf;
