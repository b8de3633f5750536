package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.RootCauseAnalysis;
import java.util.Objects;

/**
 * An analysis with what the ticket would show.
 *
 * @param analysis the analysis
 * @param signature the error signature it would be filed under
 * @param rcaText the full text a ticket would carry
 */
public record AnalyzeEvidenceResult(RootCauseAnalysis analysis, ErrorSignature signature, String rcaText) {
  public AnalyzeEvidenceResult {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(rcaText, "rcaText");
  }
}
