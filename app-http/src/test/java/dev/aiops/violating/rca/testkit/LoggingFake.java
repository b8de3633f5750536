package dev.aiops.violating.rca.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Breaks: the testkit depends on a library that is neither the ports nor JUnit and AssertJ. */
public class LoggingFake {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingFake.class);

  public void record(String what) {
    LOG.info("recorded {}", what);
  }
}
