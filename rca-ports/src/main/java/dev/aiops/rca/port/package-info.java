/** The exceptions every port may throw: transient failures that a retry may cure, and permanent ones. */
package dev.aiops.rca.port;
