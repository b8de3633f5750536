/** Remediation: which safe, allowlisted action may run for an incident, and acting on people's decisions. */
package dev.aiops.rca.core.remediation;
