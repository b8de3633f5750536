/** The composition root: the command line, configuration, and the wiring of adapters into services. */
package dev.aiops.rca.app;
