package dev.aiops.rca.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Predicate;

/** The rule for where credentials may be sent: {@code https://} anywhere, plain {@code http://} on loopback only. */
public final class SecureEndpoint {

  private SecureEndpoint() {}

  /**
   * Returns {@code url} if it has a host and uses https, or http on a loopback address (tests' stubs).
   *
   * @param name how the setting is called in messages, such as {@code "domain (JIRA_DOMAIN)"}
   * @param example a valid value for the message, such as {@code "https://acme.atlassian.net"}
   * @throws IllegalArgumentException naming the setting, otherwise
   */
  public static URI require(URI url, String name, String example) {
    return require(url, name, example, host -> false);
  }

  /** As {@link #require(URI, String, String)}, with plain http also allowed on the hosts {@code alsoPlain} names. */
  public static URI require(URI url, String name, String example, Predicate<String> alsoPlain) {
    if (url.getHost() == null) {
      throw new IllegalArgumentException(name + " must be a URL such as " + example + ": " + url);
    }
    String scheme = scheme(url);
    boolean plainAllowed = isLoopback(url.getHost()) || alsoPlain.test(url.getHost());
    if (!scheme.equals("https") && !(scheme.equals("http") && plainAllowed)) {
      throw new IllegalArgumentException(name + " must use https:// (http:// only on loopback): " + url);
    }
    return url;
  }

  /** The scheme and authority alone, with the scheme in lower case: {@code https://host:port}. */
  public static URI origin(URI url) {
    return URI.create(scheme(url) + "://" + url.getRawAuthority());
  }

  /** Whether {@code hostName} is {@code localhost} or a literal loopback address. */
  public static boolean isLoopback(String hostName) {
    if (hostName.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!hostName.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false; // never resolve names: a DNS answer must not decide where a credential goes
    }
    try {
      return InetAddress.getByName(hostName.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String scheme(URI url) {
    return url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
  }
}
