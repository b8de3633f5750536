package dev.aiops.rca.domain;

/** Kinds of concrete names an analysis finds in the evidence and puts on the ticket. */
public enum EntityKind {
  TABLE,
  COLUMN,
  PATH,
  LINE,
  NOTEBOOK,
  ERROR_CLASS,
  SQLSTATE,
  ERROR_CODE,
  SECRET_SCOPE,
  CONFIG_KEY,
  HOST
}
