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
    for (TabSeparated.Row row : TabSeparated.mapping("signatures", 4)) {
      if (row.get(3).isBlank()) {
        throw new IllegalArgumentException("signatures line " + row.line() + ": every signature names its source");
      }
      signatures.add(new Signature(row.get(0), Pattern.compile(row.get(1)), Category.valueOf(row.get(2)),
          row.get(3)));
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
