/** On-call routing: which route a failure matches, who owns it, how urgent it is and which runbook to follow. */
package dev.aiops.rca.core.routing;
