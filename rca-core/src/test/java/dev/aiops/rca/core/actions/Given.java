package dev.aiops.rca.core.actions;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Entity;
import java.util.List;
import java.util.Map;

/** Builds the evidence the tests derive actions from. */
final class Given {

  private Given() {}

  static List<String> actions(Category category, String... texts) {
    return EvidenceActions.derive(evidence(category, Map.of(), texts));
  }

  static List<String> actions(Category category, Map<String, String> details, String... texts) {
    return EvidenceActions.derive(evidence(category, details, texts));
  }

  static List<String> actions(Category category, List<Entity> entities, String... texts) {
    return EvidenceActions.derive(new ActionEvidence(category, "", List.of(texts), entities, Map.of(), "load"));
  }

  static ActionEvidence evidence(Category category, Map<String, String> details, String... texts) {
    return new ActionEvidence(category, "", List.of(texts), List.of(), details, "load_orders");
  }
}
