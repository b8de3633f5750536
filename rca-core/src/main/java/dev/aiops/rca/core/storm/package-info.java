/** Flood control: during a storm of new incidents people get one summary message instead of one message each. */
package dev.aiops.rca.core.storm;
