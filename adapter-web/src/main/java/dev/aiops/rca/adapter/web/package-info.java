/**
 * The driving HTTP side of the service, on Javalin: the server and its lifecycle here, the routes by job in the
 * subpackages. It speaks to the application through the driving ports ({@code port.in}) and the domain only.
 */
package dev.aiops.rca.adapter.web;
