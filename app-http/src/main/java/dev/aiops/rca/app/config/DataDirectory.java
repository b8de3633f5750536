package dev.aiops.rca.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory ({@code RCA_DATA_DIR}) kept to its owner: the directory {@code rwx------} and the files in it
 * ({@code rca.mv.db}, the webhook key, the dashboard users) {@code rw-------}, where the file system has POSIX
 * permissions; elsewhere it is only created. The database file holds incidents and webhook bodies, and the other
 * files hold credentials: nobody else on the host has a reason to read them.
 */
public final class DataDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private DataDirectory() {}

  /**
   * Creates {@code dir} owner-only, or tightens it and its files if they are looser, with a log line for each.
   *
   * @return what was tightened, for the caller's checks
   */
  public static List<Path> secure(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        if (posix(dir)) {
          Files.setPosixFilePermissions(dir, DIRECTORY);
        }
        return List.of();
      }
      return tighten(dir, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create or secure the data directory " + dir, e);
    }
  }

  /** Tightens, without a word, the files made since {@link #secure} (the database's own, on its first start). */
  public static void secureNewFiles(Path dir) {
    try {
      if (Files.isDirectory(dir)) {
        tighten(dir, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot secure the files in the data directory " + dir, e);
    }
  }

  private static List<Path> tighten(Path dir, boolean report) throws IOException {
    if (!posix(dir)) {
      return List.of();
    }
    List<Path> tightened = new ArrayList<>();
    if (restrict(dir, DIRECTORY, report)) {
      tightened.add(dir);
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (restrict(file, FILE, report)) {
          tightened.add(file);
        }
      }
    }
    return List.copyOf(tightened);
  }

  // Only takes away: a file the owner made read-only stays read-only.
  private static boolean restrict(Path path, Set<PosixFilePermission> most, boolean report) throws IOException {
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
    if (most.containsAll(now)) {
      return false;
    }
    Set<PosixFilePermission> kept = EnumSet.noneOf(PosixFilePermission.class);
    now.stream().filter(most::contains).forEach(kept::add);
    Files.setPosixFilePermissions(path, kept);
    if (report) {
      LOG.warn("data directory: {} was {}, now {} (owner only)", path, PosixFilePermissions.toString(now),
          PosixFilePermissions.toString(kept));
    }
    return true;
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
