/** The issue tracker on ServiceNow: incidents through the Table API, keyed by correlation id. */
package dev.aiops.rca.adapter.servicenow;
