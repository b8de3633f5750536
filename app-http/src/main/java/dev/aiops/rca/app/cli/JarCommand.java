package dev.aiops.rca.app.cli;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code java -jar ...} that starts this program, for hints a user copies: the running jar's real path. */
public final class JarCommand {

  /** Where the build puts the jar, from the repository's root; named when not running from a jar (tests, IDE). */
  static final String BUILT_JAR = "app-http/target/rca-assistant.jar";

  private JarCommand() {}

  /** {@code java -jar} with the path of the running jar, relative to the working directory when beneath it. */
  public static String current() {
    return of(JarCommand.class.getProtectionDomain().getCodeSource().getLocation(), Path.of("").toAbsolutePath());
  }

  static String of(URL codeSource, Path workingDir) {
    Path jar;
    try {
      jar = codeSource == null ? null : Path.of(codeSource.toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException | IllegalArgumentException e) {
      jar = null;
    }
    if (jar == null || !Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
      return "java -jar " + BUILT_JAR;
    }
    String path = jar.startsWith(workingDir) ? workingDir.relativize(jar).toString() : jar.toString();
    return "java -jar " + (path.matches("[A-Za-z0-9_./:\\\\-]+") ? path : "'" + path + "'");
  }
}
