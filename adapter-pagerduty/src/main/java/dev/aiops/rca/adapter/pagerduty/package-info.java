/** The notifier on PagerDuty's Events API v2: one alert per incident signature, resolved with the incident. */
package dev.aiops.rca.adapter.pagerduty;
