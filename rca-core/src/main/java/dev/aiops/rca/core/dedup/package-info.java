/** Deduplication: the error signature that groups recurrences of one failure. */
package dev.aiops.rca.core.dedup;
