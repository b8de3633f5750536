/** The commands of the {@code rca-assistant} command line. */
package dev.aiops.rca.app.cli;
