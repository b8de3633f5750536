/** Azure Data Factory: reads failed pipeline runs through ARM, parses Azure Monitor alerts and reruns from failure. */
package dev.aiops.rca.adapter.adf;
