package dev.aiops.rca.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hints name the jar by a path that works when copied. */
class JarCommandTest {

  @TempDir
  Path dir;

  @Test
  void should_name_the_running_jar_relative_to_the_working_directory_when_it_lies_beneath() throws Exception {
    Path jar = Files.createFile(Files.createDirectories(dir.resolve("app-http/target")).resolve("rca-assistant.jar"));

    assertThat(JarCommand.of(jar.toUri().toURL(), dir)).isEqualTo("java -jar app-http/target/rca-assistant.jar");
    assertThat(JarCommand.of(jar.toUri().toURL(), dir.resolve("elsewhere"))).isEqualTo("java -jar " + jar);
  }

  @Test
  void should_quote_a_path_with_spaces() throws Exception {
    Path jar = Files.createFile(Files.createDirectories(dir.resolve("my tools")).resolve("rca-assistant.jar"));

    assertThat(JarCommand.of(jar.toUri().toURL(), dir)).isEqualTo("java -jar 'my tools/rca-assistant.jar'");
  }

  @Test
  void should_name_the_built_jar_from_the_repository_root_when_not_running_from_a_jar() throws Exception {
    assertThat(JarCommand.of(dir.toUri().toURL(), dir)).isEqualTo("java -jar app-http/target/rca-assistant.jar");
  }
}
