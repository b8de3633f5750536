package dev.aiops.rca.core.classify;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Classification;
import dev.aiops.rca.domain.ClassificationLayer;
import java.util.Objects;

/**
 * What one layer concluded about one statement.
 *
 * @param category the category it implies
 * @param layer the layer that concluded it
 * @param evidence the identifier, state, type, status or phrase it rests on, for people
 * @param strength how strongly it states a cause, used to pick the root-cause statement among many: a vendor
 *     identifier beats a phrase cue, and an unmapped exception type is barely a cause at all
 */
public record Verdict(Category category, ClassificationLayer layer, String evidence, int strength) {

  /** A hand-written signature of a known trap. */
  public static final int SIGNATURE = 95;
  /** A vendor identifier in the text. */
  public static final int IDENTIFIER = 90;
  /** A vendor message template. */
  public static final int TEMPLATE = 85;
  /** A five-character SQLSTATE. */
  public static final int SQLSTATE = 80;
  /** A platform code of the failed task (ADF activity error code). */
  public static final int TASK_CODE = 75;
  /** A mapped exception type. */
  public static final int EXCEPTION_TYPE = 70;
  /** An HTTP status. */
  public static final int HTTP_STATUS = 60;
  /** A phrase cue. */
  public static final int PHRASE = 50;
  /** A SQLSTATE known only by its class. */
  public static final int SQLSTATE_CLASS = 45;
  /** A structured code that only hints (a Databricks termination code the text may refine). */
  public static final int STRUCTURED_HINT = 30;
  /** An exception type nobody mapped: a defect in code, unless anything else says more. */
  public static final int UNMAPPED_EXCEPTION = 20;
  /** An ADF failure type: the weakest hint. */
  public static final int FAILURE_TYPE = 10;

  public Verdict {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(evidence, "evidence");
  }

  /** The record an analysis keeps. */
  public Classification classification() {
    return new Classification(layer, evidence);
  }
}
