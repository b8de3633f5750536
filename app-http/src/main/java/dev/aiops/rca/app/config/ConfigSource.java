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
        String value = line.substring(equals + 1).strip();
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        values.put(name, value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return values;
  }
}
