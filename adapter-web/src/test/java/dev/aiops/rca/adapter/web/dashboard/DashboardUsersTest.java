package dev.aiops.rca.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardUsersTest {

  private static final PasswordHasher FAST = new PasswordHasher(4);

  @TempDir
  Path dataDir;

  @Test
  void should_verify_the_password_when_it_was_hashed_with_a_fresh_salt() {
    String first = FAST.hash("correct horse".toCharArray());
    String second = FAST.hash("correct horse".toCharArray());

    assertThat(first).startsWith("$2y$04$").isNotEqualTo(second).doesNotContain("correct horse");
    assertThat(FAST.verify(first, "correct horse".toCharArray())).isTrue();
    assertThat(FAST.verify(second, "correct horse".toCharArray())).isTrue();
    assertThat(FAST.verify(first, "correct horsE".toCharArray())).isFalse();
    assertThat(FAST.verify("not a hash", "x".toCharArray())).isFalse();
  }

  @Test
  void should_hash_slowly_when_the_default_cost_is_used() {
    String hash = new PasswordHasher(PasswordHasher.DEFAULT_COST).hash("pw".toCharArray());

    assertThat(hash).startsWith("$2y$12$");
  }

  @Test
  void should_create_the_admin_once_and_keep_only_its_hash_when_the_data_folder_is_empty() throws Exception {
    List<String> notices = new ArrayList<>();

    Users first = Users.loadOrCreate(DashboardSettings.defaults(dataDir), notices::add, FAST);

    assertThat(notices).hasSize(1);
    Matcher password = Pattern.compile("password (\\S+) ").matcher(notices.get(0));
    assertThat(password.find()).isTrue();
    assertThat(first.authenticate("admin", password.group(1).toCharArray())).get()
        .extracting(User::role).isEqualTo(Role.ADMIN);
    Path file = dataDir.resolve(Users.FILE_NAME);
    assertThat(Files.readString(file)).startsWith("admin:ADMIN:$2y$").doesNotContain(password.group(1));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

    Users second = Users.loadOrCreate(DashboardSettings.defaults(dataDir), notices::add, FAST);

    assertThat(notices).hasSize(1);
    assertThat(second.authenticate("admin", password.group(1).toCharArray())).isPresent();
  }

  @Test
  void should_use_the_configured_admin_and_write_nothing_when_the_admin_password_is_set() {
    List<String> notices = new ArrayList<>();
    DashboardSettings settings = new DashboardSettings("root", Optional.of(new Secret("a-long-password")), dataDir,
        Optional.empty(), Duration.ofMinutes(30), Optional.empty());

    Users users = Users.loadOrCreate(settings, notices::add, FAST);

    assertThat(notices).isEmpty();
    assertThat(Files.exists(dataDir.resolve(Users.FILE_NAME))).isFalse();
    assertThat(users.authenticate("root", "a-long-password".toCharArray())).isPresent();
    assertThat(users.authenticate("root", "a-long-passworD".toCharArray())).isEmpty();
    assertThat(users.authenticate("nobody", "a-long-password".toCharArray())).isEmpty();
  }

  @Test
  void should_read_every_role_when_the_users_file_lists_them() throws Exception {
    Files.writeString(dataDir.resolve(Users.FILE_NAME), "# people\nops:ADMIN:" + FAST.hash("a".toCharArray())
        + "\nolga:operator:" + FAST.hash("b".toCharArray()) + "\n");

    Users users = Users.loadOrCreate(DashboardSettings.defaults(dataDir), line -> { }, FAST);

    assertThat(users.authenticate("OLGA", "b".toCharArray())).get().extracting(User::role).isEqualTo(Role.OPERATOR);
    assertThat(users.find("ops")).get().extracting(User::role).isEqualTo(Role.ADMIN);
  }

  @Test
  void should_order_roles_when_one_includes_another() {
    assertThat(Role.ADMIN.includes(Role.OPERATOR)).isTrue();
    assertThat(Role.OPERATOR.includes(Role.VIEWER)).isTrue();
    assertThat(Role.VIEWER.includes(Role.OPERATOR)).isFalse();
  }

  @Test
  void should_never_print_the_password_when_settings_are_printed() {
    DashboardSettings settings = DashboardSettings.defaults(dataDir).withApiKey(new Secret("k-123"));
    DashboardSettings withAdmin = new DashboardSettings("admin", Optional.of(new Secret("hunter2-hunter2")), dataDir,
        settings.apiKey(), settings.sessionIdleTimeout(), Optional.empty());

    assertThat(withAdmin.toString()).doesNotContain("hunter2", "k-123");
  }
}
