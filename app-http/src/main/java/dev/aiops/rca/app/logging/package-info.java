/** Log output that text from outside (job names, error texts, headers) cannot forge lines in or colour. */
package dev.aiops.rca.app.logging;
