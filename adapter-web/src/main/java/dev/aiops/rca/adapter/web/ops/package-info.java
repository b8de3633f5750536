/** Health, readiness, metrics and the plain incident list: the routes operators and orchestrators use. */
package dev.aiops.rca.adapter.web.ops;
