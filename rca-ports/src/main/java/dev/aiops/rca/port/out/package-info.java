/** Driven ports: the capabilities the core needs from the outside world, named for the capability. */
package dev.aiops.rca.port.out;
