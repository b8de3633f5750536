/** The routes file read into the core's routes: YAML or JSON, each problem with its line. */
package dev.aiops.rca.assistant.routing;
