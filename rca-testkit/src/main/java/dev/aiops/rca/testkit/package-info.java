/** In-memory fakes of every driven port, and the contract tests every implementation must pass. */
package dev.aiops.rca.testkit;
