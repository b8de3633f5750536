package dev.aiops.rca.adapter.web.dashboard;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/** The pages' static files, served from the jar: the style sheet, the list's script and the chart.js webjar. */
final class Assets {

  /** Where the dashboard's resources sit on the class path. */
  static final String HOME = "dev/aiops/rca/adapter/web/dashboard/";

  private final Optional<String> chartVersion = chartJsVersion();

  void mount(RouteTable table) {
    byte[] css = resource(HOME + "assets/dashboard.css");
    byte[] listJs = resource(HOME + "assets/list.js");
    table.get("/assets/dashboard.css", ctx -> serve(ctx, "text/css", css, "no-cache"), false);
    table.get("/assets/list.js", ctx -> serve(ctx, "text/javascript", listJs, "no-cache"), false);
    chartPath().ifPresent(path -> {
      byte[] chart = resource("META-INF/resources/webjars/chart.js/" + chartVersion.get() + "/dist/chart.umd.min.js");
      // The path names the version, so the browser may keep it for good.
      table.get(path, ctx -> serve(ctx, "text/javascript", chart, "public, max-age=31536000, immutable"), false);
    });
  }

  /** Where chart.js is served; empty when its webjar is not on the class path. */
  Optional<String> chartPath() {
    return chartVersion.map(v -> "/webjars/chart.js/" + v + "/dist/chart.umd.min.js");
  }

  private static void serve(Context ctx, String type, byte[] body, String cacheControl) {
    Access.secure(ctx);
    ctx.header("Cache-Control", cacheControl);
    ctx.contentType(type + "; charset=utf-8").result(body);
  }

  /** The chart.js webjar's version, from its Maven metadata; empty when the jar is not on the class path. */
  private static Optional<String> chartJsVersion() {
    try (InputStream in = Assets.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
      if (in == null) {
        return Optional.empty();
      }
      Properties properties = new Properties();
      properties.load(in);
      return Optional.ofNullable(properties.getProperty("version")).filter(v -> v.matches("[0-9A-Za-z.\\-]+"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the chart.js webjar's version", e);
    }
  }

  /** A class-path resource's bytes. */
  static byte[] resource(String name) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}
