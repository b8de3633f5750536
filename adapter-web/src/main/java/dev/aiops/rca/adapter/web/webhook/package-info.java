/** The failure webhooks: their routes, key check, guard, size and rate limits. */
package dev.aiops.rca.adapter.web.webhook;
