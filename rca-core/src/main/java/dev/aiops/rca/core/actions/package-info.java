/**
 * Evidence-derived actions: remediation steps that name the columns, objects, grants and limits a failure's
 * messages show.
 */
package dev.aiops.rca.core.actions;
