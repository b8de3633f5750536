/** Decorators of the root-cause model port: caching and coalescing of model calls by failure signature. */
package dev.aiops.rca.core.model;
