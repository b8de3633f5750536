package dev.aiops.rca.domain;

/**
 * Which layer of the classifier decided an analysis's category, in the order the layers are consulted: the
 * platform's structured fields first, the generic phrase cues last.
 */
public enum ClassificationLayer {
  /** Structured run fields: result state, Databricks termination codes, ADF failure and activity types. */
  STRUCTURED("0"),
  /** A hand-written signature for a known trap, each with a cited source. */
  SIGNATURE("1"),
  /** A vendor identifier: Spark/Delta condition, Databricks error code, ADF code, AADSTS, SQL Server number... */
  IDENTIFIER("2"),
  /** A vendor message template that matched a message which lost its identifier. */
  TEMPLATE("2b"),
  /** A SQLSTATE: five-character override, then its class. */
  SQLSTATE("3"),
  /** An exception type (JDK, Python, Hadoop, Delta, JDBC drivers), innermost first. */
  EXCEPTION_TYPE("4"),
  /** An HTTP status by number, reason phrase or .NET enum name. */
  HTTP_STATUS("5"),
  /** A generic phrase cue. */
  PHRASE("6"),
  /** Nothing decided: the category is UNKNOWN. */
  NONE("7"),
  /** A language model's answer replaced the rules' category. */
  MODEL("model");

  private final String label;

  ClassificationLayer(String label) {
    this.label = label;
  }

  /** The layer's number in the design ({@code 2b} for templates), or {@code model}. */
  public String label() {
    return label;
  }
}
