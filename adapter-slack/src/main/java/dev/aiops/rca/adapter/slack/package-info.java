/** Notifier on Slack: one Block Kit message per incident, updated on recurrence. */
package dev.aiops.rca.adapter.slack;
