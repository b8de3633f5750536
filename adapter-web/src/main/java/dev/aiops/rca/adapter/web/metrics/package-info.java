/** The service's meters, read by Prometheus at {@code /metrics}, and the inbox's gauges. */
package dev.aiops.rca.adapter.web.metrics;
