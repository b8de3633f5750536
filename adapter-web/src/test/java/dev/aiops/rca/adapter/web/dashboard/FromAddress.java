package dev.aiops.rca.adapter.web.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A login from a chosen loopback address (127.0.0.2, say): the JDK's HTTP client of Java 17 cannot choose the
 * address it connects from, so this speaks HTTP/1.1 over a socket bound to it.
 */
final class FromAddress {

  private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");
  private static final Pattern LOGIN_COOKIE = Pattern.compile("(?im)^Set-Cookie: (" + Dashboard.LOGIN_COOKIE
      + "=[^;\\r\\n]+)");

  private final InetAddress local;
  private final int port;

  FromAddress(String localAddress, int port) {
    try {
      this.local = InetAddress.getByName(localAddress);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.port = port;
  }

  /** Logs in through the form, as {@link Browserless#login} does, and answers the response's status. */
  int login(String user, String password) {
    String page = exchange("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    Matcher cookie = LOGIN_COOKIE.matcher(page);
    String token = Browserless.csrfOf(page).orElseThrow();
    if (!cookie.find()) {
      throw new AssertionError("no login cookie in " + page);
    }
    String form = "username=" + encode(user) + "&password=" + encode(password) + "&csrf=" + encode(token)
        + "&next=%2Fincidents";
    String answer = exchange("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + "Cookie: " + cookie.group(1) + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: " + form.length() + "\r\n\r\n" + form);
    Matcher status = STATUS.matcher(answer);
    if (!status.find()) {
      throw new AssertionError("no status line in " + answer);
    }
    return Integer.parseInt(status.group(1));
  }

  private String exchange(String request) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(local, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
