/** The dashboard: login, incident pages, the JSON API and its OpenAPI document, and live updates over SSE. */
package dev.aiops.rca.app.web;
