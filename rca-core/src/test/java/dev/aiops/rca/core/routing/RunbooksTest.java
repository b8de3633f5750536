package dev.aiops.rca.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Source;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunbooksTest {

  private static final RoutingFacts FACTS = new RoutingFacts(Source.ADF, "sales daily & co", "Copy/Orders",
      Map.of(), Category.TIMEOUT, Optional.empty(), 1);

  @Test
  void should_fill_job_task_and_category_url_encoded_when_the_template_names_them() {
    assertThat(Runbooks.fill("https://wiki.example/rb/{category}?job={job}&task={task}", "sales daily & co",
        "Copy/Orders", Category.TIMEOUT))
        .isEqualTo("https://wiki.example/rb/TIMEOUT?job=sales%20daily%20%26%20co&task=Copy%2FOrders");
  }

  @Test
  void should_prefer_the_route_then_the_category_then_the_deployment_template_when_several_are_set() {
    Runbooks runbooks = new Runbooks(Map.of(Category.TIMEOUT, "https://wiki.example/timeouts/{job}"),
        Optional.of("https://wiki.example/all/{category}"));
    Route own = new Route("sales", RouteMatch.ANY, Destinations.DEFAULTS,
        Optional.of("https://wiki.example/sales/{task}"), Optional.empty());
    Route plain = Route.fallback(Destinations.DEFAULTS);
    RoutingFacts network = new RoutingFacts(Source.ADF, "j", "t", Map.of(), Category.NETWORK, Optional.empty(), 1);

    assertThat(runbooks.url(own, FACTS)).contains("https://wiki.example/sales/Copy%2FOrders");
    assertThat(runbooks.url(plain, FACTS)).contains("https://wiki.example/timeouts/sales%20daily%20%26%20co");
    assertThat(runbooks.url(plain, network)).contains("https://wiki.example/all/NETWORK");
    assertThat(new Runbooks(Map.of(), Optional.empty()).url(plain, network)).isEmpty();
  }

  @Test
  void should_refuse_a_template_that_is_not_an_http_url() {
    assertThatThrownBy(() -> Runbooks.check("javascript:alert(1)")).hasMessageContaining("http(s) URL");
    assertThatThrownBy(() -> Runbooks.check("https://wiki/a b")).hasMessageContaining("spaces");
    assertThat(Runbooks.check("http://wiki/{job}")).isEqualTo("http://wiki/{job}");
  }
}
