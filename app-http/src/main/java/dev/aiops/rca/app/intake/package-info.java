/** Webhook intake: parsing platform webhooks, storing them in the inbox, and the workers that process them. */
package dev.aiops.rca.app.intake;
