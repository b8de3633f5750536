/**
 * An incident's life after it is filed: how its ticket and its message are told of what happens to it, and its
 * resolution.
 */
package dev.aiops.rca.core.lifecycle;
