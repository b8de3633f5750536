/** The notifier on Microsoft Teams: Adaptive Cards posted to a Workflows or incoming webhook. */
package dev.aiops.rca.adapter.teams;
