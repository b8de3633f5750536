package dev.aiops.rca.adapter.web.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The dashboard's users: the admin from {@code RCA_ADMIN_USER}/{@code RCA_ADMIN_PASSWORD}, and the users kept in
 * {@code <RCA_DATA_DIR>/dashboard-users} (one {@code name:ROLE:bcrypt-hash} a line, owner-only). When neither
 * names an admin, the first start makes user {@code admin} with a generated password, which is handed to the
 * notice callback once and kept only as a hash.
 */
public final class Users {

  static final String FILE_NAME = "dashboard-users";
  static final String GENERATED_ADMIN = "admin";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final PasswordHasher hasher;
  private final Map<String, User> byName = new ConcurrentHashMap<>();

  Users(PasswordHasher hasher) {
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  /**
   * Loads the users for {@code settings}, making the first-start admin when there is none.
   *
   * @param notice receives, once, the line that tells the generated admin password; nothing else
   * @throws UncheckedIOException if the users file cannot be read or written
   */
  public static Users loadOrCreate(DashboardSettings settings, Consumer<String> notice) {
    return loadOrCreate(settings, notice, new PasswordHasher(PasswordHasher.DEFAULT_COST));
  }

  static Users loadOrCreate(DashboardSettings settings, Consumer<String> notice, PasswordHasher hasher) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(notice, "notice");
    Users users = new Users(hasher);
    Path file = settings.dataDir().resolve(FILE_NAME);
    users.readFile(file);
    if (settings.adminPassword().isPresent()) {
      // The environment's password wins over the file, so that an operator who lost it can reset it there.
      char[] password = settings.adminPassword().get().reveal().toCharArray();
      users.put(new User(settings.adminUser(), Role.ADMIN, hasher.hash(password)));
    } else if (users.byName.values().stream().noneMatch(u -> u.role() == Role.ADMIN)) {
      users.createFirstAdmin(settings.dataDir(), file, notice);
    }
    return users;
  }

  /** Adds or replaces a user; kept in memory only (for embedding and tests). */
  public void add(String name, Role role, char[] password) {
    put(new User(name, role, hasher.hash(password)));
  }

  /** The user with this name and password, or empty; takes about as long either way. */
  Optional<User> authenticate(String name, char[] password) {
    User user = name == null ? null : byName.get(name.toLowerCase(Locale.ROOT));
    if (user == null) {
      hasher.verifyDecoy(password);
      return Optional.empty();
    }
    return hasher.verify(user.passwordHash(), password) ? Optional.of(user) : Optional.empty();
  }

  Optional<User> find(String name) {
    return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
  }

  private void put(User user) {
    byName.put(user.name().toLowerCase(Locale.ROOT), user);
  }

  private void readFile(Path file) {
    if (!Files.exists(file)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split(":", 3);
        if (parts.length != 3) {
          throw new IllegalArgumentException(file + " line " + (i + 1) + " is not name:ROLE:hash");
        }
        put(new User(parts[0], Role.valueOf(parts[1].toUpperCase(Locale.ROOT)), parts[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard users from " + file, e);
    }
  }

  private void createFirstAdmin(Path dataDir, Path file, Consumer<String> notice) {
    byte[] random = new byte[18];
    RANDOM.nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    User admin = new User(GENERATED_ADMIN, Role.ADMIN, hasher.hash(password.toCharArray()));
    List<String> lines = new ArrayList<>();
    try {
      Files.createDirectories(dataDir);
      if (Files.exists(file)) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
      lines.add(admin.name() + ":" + admin.role() + ":" + admin.passwordHash());
      // Written aside with owner-only rights, then moved over the old file, so the hash is never readable by
      // others, not even for a moment.
      Path draft = Files.createTempFile(dataDir, FILE_NAME, ".tmp", ownerOnly(file));
      try {
        Files.write(draft, lines, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(draft);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the dashboard users in " + file, e);
    }
    put(admin);
    notice.accept("dashboard: created user '" + admin.name() + "' with password " + password
        + " (shown only this once; only its hash is kept in " + file + ")");
  }

  private static FileAttribute<?>[] ownerOnly(Path file) {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
    return new FileAttribute<?>[0];
  }
}
