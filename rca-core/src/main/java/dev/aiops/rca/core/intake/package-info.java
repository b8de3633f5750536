/**
 * The front door: receiving webhooks into the delivery inbox, and working through the inbox (handling runs,
 * expanding alert windows, settling each delivery by the retry policy).
 */
package dev.aiops.rca.core.intake;
