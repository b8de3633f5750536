package dev.aiops.rca.app.cli;

import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code serve} listens: {@code --host}, else {@code 127.0.0.1} for the demo, else {@code RCA_BIND}; and never
 * beyond loopback with {@code --insecure-no-auth}, since then anyone who reaches the port can file incidents.
 *
 * @param address the address to listen on
 * @param note what to log when the address is not the one asked for
 */
record ListenAddress(String address, Optional<String> note) {

  static final String LOOPBACK = "127.0.0.1";

  ListenAddress {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(note, "note");
  }

  /**
   * @param host the {@code --host} option; null when not given
   * @param bind {@code RCA_BIND}, already checked
   */
  static ListenAddress choose(String host, boolean demo, boolean insecureNoAuth, String bind) {
    String asked = host != null ? host : demo ? LOOPBACK : bind;
    if (!insecureNoAuth || isLoopback(asked)) {
      return new ListenAddress(asked, Optional.empty());
    }
    String from = host != null ? "--host " + host : "RCA_BIND=" + bind;
    return new ListenAddress(LOOPBACK, Optional.of("--insecure-no-auth: listening on " + LOOPBACK
        + " (this machine) only, not on " + asked + " as " + from + " asks: without a key the port must not be "
        + "reachable from other machines"));
  }

  private static boolean isLoopback(String address) {
    return address.startsWith("127.") || address.equals("::1") || address.equals("localhost");
  }
}
