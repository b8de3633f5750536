/** HTTP handlers of the service, on Javalin. */
package dev.aiops.rca.app.http;
