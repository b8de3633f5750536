/** The failure pipeline: from a webhook event to an analysed, filed, ticketed and notified incident. */
package dev.aiops.rca.core.pipeline;
