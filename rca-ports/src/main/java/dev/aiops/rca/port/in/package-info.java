/** Driving ports: one use case each, with its command and result records. */
package dev.aiops.rca.port.in;
