package dev.aiops.rca.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings by name: environment variables first, then a {@code .env} file, if there is one. */
public final class ConfigSource {

  private final Map<String, String> environment;
  private final Map<String, String> dotEnv;

  ConfigSource(Map<String, String> environment, Map<String, String> dotEnv) {
    this.environment = Map.copyOf(environment);
    this.dotEnv = Map.copyOf(dotEnv);
  }

  /** The process environment, with {@code dotEnvFile} beneath it when the file exists. */
  public static ConfigSource load(Map<String, String> environment, Path dotEnvFile) {
    return new ConfigSource(environment, Files.isRegularFile(dotEnvFile) ? parseDotEnv(dotEnvFile) : Map.of());
  }

  /** Only the given values, for tests and for embedding. */
  public static ConfigSource of(Map<String, String> values) {
    return new ConfigSource(values, Map.of());
  }

  /** The value of {@code name}, or empty when it is unset or blank. */
  public Optional<String> get(String name) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      value = dotEnv.get(name);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** The values read from the {@code .env} file alone, for {@code setup} to keep what it does not ask about. */
  public Map<String, String> dotEnvValues() {
    return dotEnv;
  }

  static Map<String, String> parseDotEnv(Path file) {
    Map<String, String> values = new HashMap<>();
    try {
      for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("export ")) {
          line = line.substring("export ".length()).strip();
        }
        int equals = line.indexOf('=');
        if (equals <= 0) {
          continue;
        }
        String name = line.substring(0, equals).strip();
        values.put(name, unquoted(line.substring(equals + 1).strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return values;
  }

  /**
   * A double-quoted value up to its closing quote, with {@code \"} and {@code \\} read as the characters (as setup
   * writes them); a single-quoted value literally; any other value as it stands.
   */
  private static String unquoted(String value) {
    char quote = value.isEmpty() ? ' ' : value.charAt(0);
    if (quote != '"' && quote != '\'') {
      return value;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == quote) {
        return text.toString();
      }
      boolean escape = quote == '"' && c == '\\' && i + 1 < value.length()
          && (value.charAt(i + 1) == '"' || value.charAt(i + 1) == '\\');
      text.append(escape ? value.charAt(++i) : c);
    }
    return value; // no closing quote: taken as it stands, as before
  }
}
