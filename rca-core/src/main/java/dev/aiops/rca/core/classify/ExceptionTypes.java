package dev.aiops.rca.core.classify;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.ClassificationLayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layer 4: the exception types a statement names, innermost (last) first. A type is looked up by its full name,
 * its simple name, then up its JDK or Python superclasses (catalogue/jdk-exceptions.tsv, python-exceptions.tsv);
 * carriers say nothing by themselves, and a type nobody mapped is a defect in code unless anything else says more.
 */
final class ExceptionTypes {

  private static final Pattern TYPE = Pattern.compile(
      "(?<![\\w$.])((?:[A-Za-z_][\\w$]*\\.)*(?:[A-Z][\\w$]*(?:Exception|Error|Failure|Interrupt|Timeout|Iteration)"
          // Python's lower-case socket errors count only in their exception-line form ("socket.timeout: ...").
          + "|(?:gaierror|timeout)(?=:)))(?![\\w$])");
  private static final int MAX_DEPTH = 12;

  private final MappingTable table = MappingTable.load("exception-types");
  private final Map<String, String> superclasses = new HashMap<>();

  ExceptionTypes() {
    for (TabSeparated.Row row : TabSeparated.catalogue("jdk-exceptions")) {
      superclasses.put(row.get(0), row.get(1));
    }
    for (TabSeparated.Row row : TabSeparated.catalogue("python-exceptions")) {
      superclasses.putIfAbsent(row.get(0), row.get(1));
    }
  }

  /** The verdict of the innermost mapped type; an unmapped type gives a weak defect-in-code verdict. */
  Optional<Verdict> classify(String text) {
    List<String> types = new ArrayList<>();
    Matcher m = TYPE.matcher(text);
    while (m.find() && types.size() < 16) {
      types.add(m.group(1));
    }
    String unmapped = null;
    Verdict weak = null;
    for (int i = types.size() - 1; i >= 0; i--) {
      String type = types.get(i);
      Optional<MappingTable.Row> row = lookup(type);
      if (row.isPresent() && row.get().category().isPresent() && !row.get().weak()) {
        return Optional.of(new Verdict(row.get().category().get(), ClassificationLayer.EXCEPTION_TYPE,
            "exception type " + type, Verdict.EXCEPTION_TYPE));
      }
      if (weak == null && row.isPresent() && row.get().weak()) {
        weak = new Verdict(row.get().category().orElseThrow(), ClassificationLayer.EXCEPTION_TYPE,
            "exception type " + type + " (a broad type: its message may say more)", Verdict.UNMAPPED_EXCEPTION);
      }
      if (row.isEmpty() && unmapped == null && !simple(type).equals("Error")) {
        unmapped = type;
      }
    }
    if (weak != null) {
      return Optional.of(weak);
    }
    return unmapped == null ? Optional.empty()
        : Optional.of(new Verdict(Category.CODE_ERROR, ClassificationLayer.EXCEPTION_TYPE,
            "exception type " + unmapped + " (not in the tables: a defect in code by default)",
            Verdict.UNMAPPED_EXCEPTION));
  }

  /** The row of a type, of its simple name, or of its nearest known superclass; empty when none is known. */
  Optional<MappingTable.Row> lookup(String type) {
    String current = type;
    for (int depth = 0; depth < MAX_DEPTH && current != null; depth++) {
      String name = current;
      Optional<MappingTable.Row> row = table.exact(name).or(() -> table.exact(simple(name)));
      if (row.isPresent()) {
        return row;
      }
      String parent = superclasses.get(current);
      current = parent != null ? parent : superclasses.get(simple(current));
    }
    return Optional.empty();
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
