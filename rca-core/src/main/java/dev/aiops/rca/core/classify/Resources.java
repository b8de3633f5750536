package dev.aiops.rca.core.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the classifier's resources: our mapping tables and the generated catalogues. */
final class Resources {

  private static final String ROOT = "/dev/aiops/rca/core/classify/";

  private Resources() {}

  /** Every line of a resource under the classifier's folder. */
  static List<String> lines(String path) {
    try (InputStream in = Resources.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException("classifier resource missing: " + ROOT + path);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a generated catalogue: tab-separated fields, comment and blank lines skipped. */
  static List<String[]> rows(String catalogue) {
    List<String[]> rows = new ArrayList<>();
    for (String line : lines("catalogue/" + catalogue + ".tsv")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }
}
