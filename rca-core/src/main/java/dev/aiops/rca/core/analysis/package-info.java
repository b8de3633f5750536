/** Rule-based root-cause analysis: finds the failing task and its cause line, classifies it, and advises. */
package dev.aiops.rca.core.analysis;
