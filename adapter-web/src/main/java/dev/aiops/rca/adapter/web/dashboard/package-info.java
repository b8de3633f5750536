/**
 * The dashboard: login and sessions, the server-rendered pages, the JSON API with its OpenAPI document, live
 * updates over SSE and the static assets, one class per job, mounted together by {@link Dashboard}.
 */
package dev.aiops.rca.adapter.web.dashboard;
