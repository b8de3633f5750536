package dev.aiops.rca.core.dedup;

import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Computes error signatures from the stable parts of a failure, never from model output. */
public final class SignatureCalculator {

  public ErrorSignature signatureOf(FailedRun run, RootCauseAnalysis analysis) {
    String stable = String.join("\u0000",
        run.source().name(),
        run.event().jobId().isBlank() ? run.event().jobName() : run.event().jobId(),
        analysis.failedTask(),
        analysis.category().name(),
        analysis.rootCauseLine().replaceAll("\\d+", "#"));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(stable.getBytes(StandardCharsets.UTF_8));
      return new ErrorSignature(HexFormat.of().formatHex(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
