/**
 * The layered classifier: the platforms' published error catalogues (Spark, Delta, Databricks, Data Factory,
 * SQLSTATE, JDK, Python, HTTP, TLS, Azure) mapped to categories by small reviewed tables, applied layer by layer to
 * the innermost cause.
 */
package dev.aiops.rca.core.classify;
