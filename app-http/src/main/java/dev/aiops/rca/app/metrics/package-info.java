/** The service's meters, read by Prometheus at {@code /metrics}, and the store decorator that feeds them. */
package dev.aiops.rca.app.metrics;
