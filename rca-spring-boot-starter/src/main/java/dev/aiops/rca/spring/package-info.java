/** Spring Boot auto-configuration of the RCA assistant from {@code rca.*} properties. */
package dev.aiops.rca.spring;
