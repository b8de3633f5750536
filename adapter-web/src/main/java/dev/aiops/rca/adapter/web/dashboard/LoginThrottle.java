package dev.aiops.rca.adapter.web.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Slows down guessing at the login form with growing delays, per user at one address and per address: after
 * {@code freePerPair} failures of one user from one address, that pair waits {@code firstDelay} before its next
 * try, twice as long after each further failure, up to {@code maxDelay}. The same holds for an address after
 * {@code freePerAddress} failures for any users (one address guessing many names). Nothing is keyed by the user
 * alone: someone guessing the admin's password elsewhere must not lock the admin out of their own desk.
 */
final class LoginThrottle {

  /** How long failures are remembered after the last one. */
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  // Bounds the memory an attacker can make us spend with made-up names and addresses.
  private static final int MAX_KEYS = 10_000;

  /** The failures of one key, and until when it must wait. */
  private static final class Strikes {
    int failures;
    Instant last;
    Instant blockedUntil;
  }

  private final int freePerPair;
  private final int freePerAddress;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final Clock clock;
  private final Map<String, Strikes> strikes = new HashMap<>();

  LoginThrottle(int freePerPair, int freePerAddress, Duration firstDelay, Duration maxDelay, Clock clock) {
    if (freePerPair < 1 || freePerAddress < 1) {
      throw new IllegalArgumentException("the free failures must be at least 1, were " + freePerPair + " and "
          + freePerAddress);
    }
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("the delays must be positive and the cap at least the first, were "
          + firstDelay + " and " + maxDelay);
    }
    this.freePerPair = freePerPair;
    this.freePerAddress = freePerAddress;
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** How long until this user may try again from this address; zero when they may now. */
  synchronized Duration retryAfter(String address, String user) {
    Instant now = clock.instant();
    Duration byPair = wait(pairKey(address, user), now);
    Duration byAddress = wait(addressKey(address), now);
    return byPair.compareTo(byAddress) >= 0 ? byPair : byAddress;
  }

  synchronized void failed(String address, String user) {
    Instant now = clock.instant();
    if (strikes.size() >= MAX_KEYS) {
      strikes.values().removeIf(s -> forgotten(s, now));
    }
    strike(pairKey(address, user), freePerPair, now);
    strike(addressKey(address), freePerAddress, now);
  }

  synchronized void succeeded(String address, String user) {
    strikes.remove(pairKey(address, user));
  }

  private void strike(String key, int free, Instant now) {
    Strikes s = strikes.get(key);
    if (s == null || forgotten(s, now)) {
      s = new Strikes();
      strikes.put(key, s);
    }
    s.failures++;
    s.last = now;
    if (s.failures >= free) {
      s.blockedUntil = now.plus(delay(s.failures - free));
    }
  }

  /** The first delay doubled {@code doublings} times, at most the cap. */
  private Duration delay(int doublings) {
    Duration delay = firstDelay;
    for (int i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
  }

  private Duration wait(String key, Instant now) {
    Strikes s = strikes.get(key);
    if (s == null || s.blockedUntil == null || !s.blockedUntil.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, s.blockedUntil);
  }

  private static boolean forgotten(Strikes s, Instant now) {
    return !s.last.plus(FORGET_AFTER).isAfter(now) && (s.blockedUntil == null || !s.blockedUntil.isAfter(now));
  }

  private static String pairKey(String address, String user) {
    return "pair:" + address + "|" + (user == null ? "" : user.toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "ip:" + address;
  }
}
