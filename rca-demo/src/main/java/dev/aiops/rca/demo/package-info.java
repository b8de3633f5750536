/**
 * The demo's platforms: a simulated Databricks workspace and Data Factory in the process, fed with recorded failure
 * cases, and the sender that posts their webhooks to the service.
 */
package dev.aiops.rca.demo;
