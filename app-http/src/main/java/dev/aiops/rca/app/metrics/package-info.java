/** The pipeline's meters, in the registry {@code /metrics} serves, and the store decorator that feeds them. */
package dev.aiops.rca.app.metrics;
