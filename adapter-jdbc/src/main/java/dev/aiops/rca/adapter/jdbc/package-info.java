/** Incident store and durable work queue on H2 and PostgreSQL through jdbi. */
package dev.aiops.rca.adapter.jdbc;
