package dev.aiops.rca.core.classify;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.ClassificationLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Layer 1: the hand-written signatures of known traps (mapping/signatures.tsv), each with its source. */
final class Signatures {

  /** One signature. */
  record Signature(String id, Pattern pattern, Category category, String source) {}

  private final List<Signature> signatures = new ArrayList<>();

  Signatures() {
    for (String line : Resources.lines("mapping/signatures.tsv")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 4 || cols[3].isBlank()) {
        throw new IllegalArgumentException("signatures: expected id, pattern, category and source in: " + line);
      }
      signatures.add(new Signature(cols[0], Pattern.compile(cols[1]), Category.valueOf(cols[2]), cols[3]));
    }
  }

  Optional<Verdict> classify(String text) {
    for (Signature signature : signatures) {
      Matcher m = signature.pattern().matcher(text);
      if (m.find()) {
        return Optional.of(new Verdict(signature.category(), ClassificationLayer.SIGNATURE,
            "signature " + signature.id() + " (\"" + m.group() + "\")", Verdict.SIGNATURE));
      }
    }
    return Optional.empty();
  }
}
