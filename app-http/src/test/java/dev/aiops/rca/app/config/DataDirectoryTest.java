package dev.aiops.rca.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The data directory and its files are its owner's alone (issue 18, point 7). */
class DataDirectoryTest {

  @TempDir
  Path temp;

  private final Logger logger = (Logger) LoggerFactory.getLogger(DataDirectory.class);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void posixOnly() {
    assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(logs);
  }

  @Test
  void should_create_the_directory_for_its_owner_only() throws IOException {
    Path data = temp.resolve("data");

    DataDirectory.secure(data);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    assertThat(logs.list).isEmpty();
  }

  @Test
  void should_tighten_a_looser_directory_and_its_files_and_say_so() throws IOException {
    Path data = Files.createDirectory(temp.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path database = Files.writeString(data.resolve("rca.mv.db"), "rows");
    Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
    Path readOnly = Files.writeString(data.resolve("webhook-api-key"), "key");
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--------"));

    assertThat(DataDirectory.secure(data)).containsExactlyInAnyOrder(data, database);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(readOnly))).isEqualTo("r--------");
    assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(2)
        .anySatisfy(line -> assertThat(line).contains("rca.mv.db was rw-r--r--, now rw-------"));
  }

  @Test
  void should_tighten_files_made_later_without_a_word() throws IOException {
    Path data = temp.resolve("data");
    DataDirectory.secure(data);
    Path database = Files.writeString(data.resolve("rca.mv.db"), "rows");
    Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));

    DataDirectory.secureNewFiles(data);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database))).isEqualTo("rw-------");
    assertThat(logs.list).isEmpty();
  }
}
