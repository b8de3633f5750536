package dev.aiops.rca.app.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Leaves out the modules' test-jars (fakes, stubs and tests that app-http's end-to-end tests borrow): the rules are
 * about the product's classes, and {@link ImportOption.DoNotIncludeTests} only knows test folders.
 */
final class DoNotIncludeTestJars implements ImportOption {

  @Override
  public boolean includes(Location location) {
    return !location.contains("-tests.jar");
  }
}
