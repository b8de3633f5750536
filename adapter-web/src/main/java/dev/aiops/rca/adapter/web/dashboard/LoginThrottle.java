package dev.aiops.rca.adapter.web.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Limits failed logins per client address and per user name: after so many failures within {@code window},
 * further attempts are refused until the oldest failure leaves the window. The address allows more than the
 * user, because people behind one proxy or NAT share an address.
 */
final class LoginThrottle {

  // Bounds the memory an attacker can make us spend with made-up names and addresses.
  private static final int MAX_KEYS = 10_000;

  private final int maxPerAddress;
  private final int maxPerUser;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  LoginThrottle(int maxPerAddress, int maxPerUser, Duration window, Clock clock) {
    if (maxPerAddress < 1 || maxPerUser < 1) {
      throw new IllegalArgumentException("the limits must be at least 1, were " + maxPerAddress + " and "
          + maxPerUser);
    }
    this.maxPerAddress = maxPerAddress;
    this.maxPerUser = maxPerUser;
    this.window = Objects.requireNonNull(window, "window");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** How long until the address or the user may try again; zero when they may now. */
  synchronized Duration retryAfter(String address, String user) {
    Instant now = clock.instant();
    Duration byAddress = wait(addressKey(address), maxPerAddress, now);
    Duration byUser = wait(userKey(user), maxPerUser, now);
    return byAddress.compareTo(byUser) >= 0 ? byAddress : byUser;
  }

  synchronized void failed(String address, String user) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_KEYS) {
      failures.values().removeIf(times -> {
        prune(times, now);
        return times.isEmpty();
      });
    }
    failures.computeIfAbsent(addressKey(address), k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent(userKey(user), k -> new ArrayDeque<>()).addLast(now);
  }

  synchronized void succeeded(String address, String user) {
    failures.remove(addressKey(address));
    failures.remove(userKey(user));
  }

  private Duration wait(String key, int maxFailures, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Duration.ZERO;
    }
    prune(times, now);
    if (times.size() < maxFailures) {
      return Duration.ZERO;
    }
    return Duration.between(now, times.peekFirst().plus(window));
  }

  private void prune(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
      times.removeFirst();
    }
  }

  private static String addressKey(String address) {
    return "ip:" + address;
  }

  private static String userKey(String user) {
    return "user:" + (user == null ? "" : user.toLowerCase(Locale.ROOT));
  }
}
