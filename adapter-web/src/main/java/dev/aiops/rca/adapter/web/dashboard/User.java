package dev.aiops.rca.adapter.web.dashboard;

import java.util.Objects;
import java.util.regex.Pattern;

/** A dashboard user: a name, a role and the bcrypt hash of the password. */
record User(String name, Role role, String passwordHash) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  User {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("user name must be 1 to 64 of A-Z a-z 0-9 . _ @ -, was '" + name + "'");
    }
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(passwordHash, "passwordHash");
  }

  @Override
  public String toString() {
    return "User[name=" + name + ", role=" + role + "]";
  }
}
