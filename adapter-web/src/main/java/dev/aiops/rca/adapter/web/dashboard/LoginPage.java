package dev.aiops.rca.adapter.web.dashboard;

import static dev.aiops.rca.adapter.web.dashboard.Html.esc;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.document;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.hidden;

import java.util.List;
import java.util.Optional;

/** The login form; it posts its own CSRF token, which the login cookie must match. */
final class LoginPage {

  private LoginPage() {}

  static String render(String loginToken, String next, String error) {
    StringBuilder body = new StringBuilder();
    body.append("<main class=\"login\"><h1>RCA Assistant</h1>");
    if (!error.isEmpty()) {
      body.append("<p class=\"error\" role=\"alert\" id=\"login-error\">").append(esc(error)).append("</p>");
    }
    body.append("<form method=\"post\" action=\"/login\" class=\"login-form\">")
        .append(hidden("csrf", loginToken))
        .append(hidden("next", next))
        .append("<label for=\"username\">User</label>")
        .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>")
        .append("<label for=\"password\">Password</label>")
        .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
            + " required>")
        .append("<button type=\"submit\" id=\"login-submit\">Log in</button></form></main>");
    return document("Log in", "login", Optional.empty(), body.toString(), List.of());
  }
}
