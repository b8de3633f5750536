package dev.aiops.rca.core.dedup;

import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.EntityKind;
import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureChain;
import dev.aiops.rca.domain.RootCauseAnalysis;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Computes error signatures from the stable parts of a failure: source, job or pipeline, failed task, error class
 * or code, and the root-cause line with volatile values replaced. Give it the rules' analysis, never a model's.
 * Source and job are those of the innermost run of the failure's chain ({@link FailedRun#chain}), so that a child
 * pipeline's failure signs the same whether its own alert or its parent's brought it.
 */
public final class SignatureCalculator {

  public ErrorSignature signatureOf(FailedRun run, RootCauseAnalysis analysis) {
    FailureChain.Link innermost = run.chain().innermost();
    String stable = String.join("\u0000",
        innermost.run().source().name(),
        innermost.jobId().isBlank() ? innermost.jobName() : innermost.jobId(),
        analysis.failedTask(),
        errorKey(analysis),
        MessageNormalizer.normalize(analysis.rootCauseLine()));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(stable.getBytes(StandardCharsets.UTF_8));
      return new ErrorSignature(HexFormat.of().formatHex(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The error class, else the platform code, else the category: the coarse key of the failure. */
  private static String errorKey(RootCauseAnalysis analysis) {
    return analysis.entities().stream().filter(e -> e.kind() == EntityKind.ERROR_CLASS).map(Entity::value)
        .findFirst()
        .or(() -> analysis.entities().stream().filter(e -> e.kind() == EntityKind.ERROR_CODE).map(Entity::value)
            .findFirst())
        .orElse(analysis.category().name());
  }
}
