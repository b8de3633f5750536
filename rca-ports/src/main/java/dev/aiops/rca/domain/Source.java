package dev.aiops.rca.domain;

/** The data platform a failure comes from. */
public enum Source {
  DATABRICKS,
  ADF
}
