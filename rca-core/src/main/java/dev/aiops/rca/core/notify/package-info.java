/** The notifiers people are told through, several at once, each with effect keys of its own. */
package dev.aiops.rca.core.notify;
