package dev.aiops.rca.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * How an analysis's category was decided.
 *
 * @param layer the layer that decided it
 * @param evidence what it decided on, e.g. {@code Spark condition TABLE_OR_VIEW_NOT_FOUND (SQLSTATE 42P01)}; empty
 *     when nothing decided
 */
public record Classification(ClassificationLayer layer, String evidence) {

  public Classification {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(evidence, "evidence");
  }

  /** Nothing decided the category. */
  public static Classification none() {
    return new Classification(ClassificationLayer.NONE, "");
  }

  /** One line for tickets and reports: {@code layer 2 (identifier): Spark condition ...}. */
  public String describe() {
    String name = layer.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    String head = layer == ClassificationLayer.MODEL ? "model" : "layer " + layer.label() + " (" + name + ")";
    return evidence.isBlank() ? head : head + ": " + evidence;
  }
}
