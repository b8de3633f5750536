/** JMH benchmarks of the RCA assistant; figures go to docs/BENCHMARKS.md. */
package dev.aiops.rca.bench;
