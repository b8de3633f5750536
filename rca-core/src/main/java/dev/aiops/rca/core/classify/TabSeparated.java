package dev.aiops.rca.core.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the analysis's tab-separated data files (catalogues, mapping tables, wrappers, action rules): blank lines
 * and lines starting with {@code #} are skipped, and a row of the wrong width is refused with its line number.
 */
public final class TabSeparated {

  private static final String CLASSIFIER = "/dev/aiops/rca/core/classify/";

  /**
   * One row.
   *
   * @param line the number of the line it came from, for error messages
   * @param cols its fields
   */
  public record Row(int line, List<String> cols) {

    public Row {
      cols = List.copyOf(cols);
    }

    public String get(int column) {
      return cols.get(column);
    }

    public int size() {
      return cols.size();
    }
  }

  private TabSeparated() {}

  /**
   * The rows of a resource on the class path.
   *
   * @param columns the width every row must have; 0 for any
   * @throws IllegalStateException if the resource is missing
   * @throws IllegalArgumentException naming the resource and line of a row of the wrong width
   */
  public static List<Row> resource(String path, int columns) {
    try (InputStream in = TabSeparated.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + path);
      }
      List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
      return parse(path.substring(path.lastIndexOf('/') + 1), lines, columns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows of some lines.
   *
   * @param name what the lines are, for error messages
   * @throws IllegalArgumentException naming the line of a row of the wrong width
   */
  public static List<Row> parse(String name, List<String> lines, int columns) {
    List<Row> rows = new ArrayList<>();
    int number = 0;
    for (String line : lines) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (columns > 0 && cols.length != columns) {
        throw new IllegalArgumentException(name + " line " + number + ": expected " + columns
            + " tab-separated columns, found " + cols.length);
      }
      rows.add(new Row(number, List.of(cols)));
    }
    return rows;
  }

  /** A generated catalogue of the classifier ({@code catalogue/<name>.tsv}). */
  static List<Row> catalogue(String name) {
    return resource(CLASSIFIER + "catalogue/" + name + ".tsv", 0);
  }

  /** One of our mapping tables ({@code mapping/<name>.tsv}). */
  static List<Row> mapping(String name, int columns) {
    return resource(CLASSIFIER + "mapping/" + name + ".tsv", columns);
  }
}
