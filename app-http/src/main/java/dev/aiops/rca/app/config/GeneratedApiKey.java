package dev.aiops.rca.app.config;

import dev.aiops.rca.domain.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The webhook key the service makes for itself when {@code RCA_API_KEY} is not set, so that the intake is never
 * open by accident. It is kept in the data folder, readable by its owner only, and the same on every start.
 *
 * @param key the key
 * @param created whether this start made it (and should print it once)
 * @param file where it is kept
 */
public record GeneratedApiKey(Secret key, boolean created, Path file) {

  static final String FILE_NAME = "webhook-api-key";

  /** The key kept in {@code dataDir}, if the service made one; never makes one. */
  public static Optional<Secret> load(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      return Files.exists(file) ? Optional.of(new Secret(Files.readString(file, StandardCharsets.UTF_8).strip()))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the webhook key in " + file, e);
    }
  }

  /** Reads the key kept in {@code dataDir}, or makes and keeps a new one. */
  public static GeneratedApiKey loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (Files.exists(file)) {
        return new GeneratedApiKey(new Secret(Files.readString(file, StandardCharsets.UTF_8).strip()), false, file);
      }
      Files.createDirectories(dataDir);
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String key = "rca_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      // Written aside, then linked into place: a link never replaces an existing file, so when two replicas
      // start on one folder together, exactly one key wins and both read it.
      Path draft = Files.createTempFile(dataDir, FILE_NAME, ".tmp", ownerOnly(file));
      try {
        Files.writeString(draft, key, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.createLink(file, draft);
      } catch (FileAlreadyExistsException raced) {
        return loadOrCreate(dataDir);
      } finally {
        Files.deleteIfExists(draft);
      }
      return new GeneratedApiKey(new Secret(key), true, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the webhook key in " + file, e);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path file) {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
    return new FileAttribute<?>[0];
  }
}
