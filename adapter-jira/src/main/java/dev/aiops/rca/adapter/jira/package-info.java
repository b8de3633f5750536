/** Issue tracker on Jira Cloud (REST v3) and Data Center (REST v2). */
package dev.aiops.rca.adapter.jira;
