package dev.aiops.rca.core.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rewrites a generated section of a document, between {@code <!-- name:start -->} and {@code <!-- name:end -->}. */
final class DocsSection {

  private DocsSection() {}

  static void replace(Path doc, String name, String content) throws IOException {
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    String start = "<!-- " + name + ":start -->";
    String end = "<!-- " + name + ":end -->";
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalStateException(doc + " has no section " + name);
    }
    Files.writeString(doc, text.substring(0, from + start.length()) + "\n" + content + text.substring(to),
        StandardCharsets.UTF_8);
  }
}
