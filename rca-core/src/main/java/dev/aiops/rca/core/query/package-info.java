/** Reading incidents for people and dashboards. */
package dev.aiops.rca.core.query;
