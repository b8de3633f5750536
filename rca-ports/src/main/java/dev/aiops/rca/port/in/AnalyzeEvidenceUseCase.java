package dev.aiops.rca.port.in;

/** Analyses a failed run offline, without filing anything: for the {@code analyze} command and for tests. */
@FunctionalInterface
public interface AnalyzeEvidenceUseCase {

  AnalyzeEvidenceResult analyze(AnalyzeEvidenceCommand command);
}
