/** Domain types of the RCA assistant: validated records and typed ids shared by every module. */
package dev.aiops.rca.domain;
