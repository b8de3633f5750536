package dev.aiops.rca.adapter.web.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client that keeps cookies by hand, as a browser would, for the dashboard's HTTP tests. */
final class Browserless {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final DashboardFixture fixture;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  Browserless(DashboardFixture fixture) {
    this.fixture = fixture;
  }

  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.url(path))).GET();
    return send(request, headers);
  }

  HttpResponse<String> head(String path) {
    return send(HttpRequest.newBuilder(URI.create(fixture.url(path))).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(request, headers);
  }

  HttpResponse<String> postJson(String path, String json, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(fixture.url(path))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
  }

  HttpResponse<String> post(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(fixture.url(path))).POST(HttpRequest.BodyPublishers.noBody()),
        headers);
  }

  /** Logs in through the form and answers the login's response. */
  HttpResponse<String> login(String user, String password, String... headers) {
    String token = csrfOf(get("/login").body()).orElseThrow();
    return postForm("/login", Map.of("username", user, "password", password, "csrf", token, "next", "/incidents"),
        headers);
  }

  /** The CSRF token of the session, read from a page as the browser would. */
  String csrf() {
    return csrfOf(get("/incidents").body()).orElseThrow();
  }

  Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  static Optional<String> csrfOf(String html) {
    Matcher matcher = CSRF.matcher(html);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals);
        String value = pair.substring(equals + 1);
        if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException("request failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
