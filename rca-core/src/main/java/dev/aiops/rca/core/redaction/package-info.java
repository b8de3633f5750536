/** Redaction: replaces secrets, personal data and row values with typed placeholders before text leaves the service. */
package dev.aiops.rca.core.redaction;
