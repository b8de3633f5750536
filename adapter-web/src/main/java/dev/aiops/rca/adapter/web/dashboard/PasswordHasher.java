package dev.aiops.rca.adapter.web.dashboard;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** Slow, salted password hashes: OpenBSD bcrypt from Bouncy Castle, {@code $2y$} strings. */
final class PasswordHasher {

  /** Cost 12 takes a few hundred milliseconds on a server core: slow for guessing, fine for logging in. */
  static final int DEFAULT_COST = 12;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final int cost;
  // Checked against when the user does not exist, so that unknown names take as long as wrong passwords.
  private final String decoy;

  PasswordHasher(int cost) {
    if (cost < 4 || cost > 31) {
      throw new IllegalArgumentException("bcrypt cost must be within [4, 31], was " + cost);
    }
    this.cost = cost;
    this.decoy = hash("decoy".toCharArray());
  }

  String hash(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", password, salt, cost);
  }

  boolean verify(String hash, char[] password) {
    try {
      return OpenBSDBCrypt.checkPassword(hash, password);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  /** Spends the time of one check, for a user that does not exist. */
  void verifyDecoy(char[] password) {
    verify(decoy, password);
  }
}
