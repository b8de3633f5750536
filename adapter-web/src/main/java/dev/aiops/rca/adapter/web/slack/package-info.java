/** Slack's interactions: the Approve and Decline buttons on an incident's card, verified by Slack's signature. */
package dev.aiops.rca.adapter.web.slack;
