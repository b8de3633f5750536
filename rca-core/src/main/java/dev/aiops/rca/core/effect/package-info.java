/** Outward effects caused once each: their idempotency keys and the intend, act, mark done, audit sequence. */
package dev.aiops.rca.core.effect;
