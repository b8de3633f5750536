/** The embedding facade: one assembly of the core and the adapters, for the HTTP service and for embedders. */
package dev.aiops.rca.assistant;
