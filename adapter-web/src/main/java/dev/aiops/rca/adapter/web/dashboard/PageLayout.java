package dev.aiops.rca.adapter.web.dashboard;

import static dev.aiops.rca.adapter.web.dashboard.Html.esc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What every page shares: the document around the content (head, top bar, scripts) and small HTML pieces. Every
 * value that is not a constant goes through {@link Html#esc}; the pages carry no inline script or style, so the
 * Content-Security-Policy can forbid both.
 */
final class PageLayout {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);

  private PageLayout() {}

  static String document(String title, String page, Optional<Session> session, String main,
      List<String> scripts) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append(" - RCA Assistant</title>")
        .append("<link rel=\"stylesheet\" href=\"/assets/dashboard.css\"></head>")
        .append("<body data-page=\"").append(esc(page)).append("\">");
    session.ifPresent(s -> b.append("<header class=\"top\"><a class=\"brand\" href=\"/incidents\">RCA Assistant</a>")
        .append("<span class=\"who\" id=\"who\">").append(esc(s.user())).append(" (")
        .append(esc(s.role().name().toLowerCase(Locale.ROOT))).append(")</span>")
        .append("<form method=\"post\" action=\"/logout\" class=\"logout\">").append(hidden("csrf", s.csrfToken()))
        .append("<button type=\"submit\" id=\"logout\">Log out</button></form></header>"));
    b.append(main);
    for (String script : scripts) {
      b.append("<script src=\"").append(esc(script)).append("\"></script>");
    }
    return b.append("</body></html>").toString();
  }

  static String select(String name, String label, Enum<?>[] values, Optional<String> selected) {
    StringBuilder b = new StringBuilder("<label>").append(esc(label)).append(" <select name=\"").append(name)
        .append("\"><option value=\"\">any</option>");
    for (Enum<?> value : values) {
      b.append("<option").append(selected.filter(value.name()::equals).isPresent() ? " selected" : "")
          .append(">").append(esc(value.name())).append("</option>");
    }
    return b.append("</select></label>").toString();
  }

  static String counts(String id, Map<String, Long> counts) {
    StringBuilder b = new StringBuilder("<ul class=\"count-list\" id=\"").append(id).append("\">");
    counts.forEach((name, count) -> b.append("<li><span class=\"name\">").append(esc(name))
        .append("</span> <span class=\"count\">").append(count).append("</span></li>"));
    return b.append("</ul>").toString();
  }

  static String fact(String name, String value) {
    return "<dt>" + esc(name) + "</dt><dd>" + esc(value) + "</dd>";
  }

  static String list(String tag, List<String> items) {
    if (items.isEmpty()) {
      return "<p>none</p>";
    }
    StringBuilder b = new StringBuilder("<").append(tag).append(">");
    for (String item : items) {
      b.append("<li>").append(esc(Redaction.apply(item))).append("</li>");
    }
    return b.append("</").append(tag).append(">").toString();
  }

  static String link(Optional<String> href, String text) {
    return href.map(url -> "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer\" target=\"_blank\">" + esc(text)
        + "</a>").orElse(esc(text));
  }

  static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }
}
