package dev.aiops.violating.rca.domain;

import java.util.logging.Logger;

/** Breaks: domain types are records; no java.util.logging; no standard streams; no generic exceptions. */
public class MutableIncident {
  private static final Logger LOG = Logger.getLogger("x");
  public String status;

  public void print() {
    LOG.info(status);
    System.out.println(status);
    throw new RuntimeException("generic");
  }
}
