package dev.aiops.rca.adapter.gemini;

import dev.aiops.rca.http.RetryAfter;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * langchain4j's HTTP client on the JDK's, for vendors that say how long to wait only in the {@code Retry-After}
 * header (Anthropic; a gateway in front of Ollama): the library's own client drops a failed call's headers.
 * Blocking calls only; the adapter never streams.
 */
final class RetryAfterHttpClient implements HttpClient {

  private final java.net.http.HttpClient client;
  private final Duration readTimeout;

  private RetryAfterHttpClient(Builder builder) {
    java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder()
        .version(java.net.http.HttpClient.Version.HTTP_1_1);
    if (builder.connectTimeout != null) {
      jdk.connectTimeout(builder.connectTimeout);
    }
    this.client = jdk.build();
    this.readTimeout = builder.readTimeout;
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    java.net.http.HttpRequest.Builder call = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
        .method(request.method().name(), request.body() == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    request.headers().forEach((name, values) -> values.forEach(value -> call.header(name, value)));
    if (readTimeout != null) {
      call.timeout(readTimeout);
    }
    HttpResponse<String> response;
    try {
      response = client.send(call.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // Kept as the cause: LlmErrors reads an I/O failure (refused, reset, timed out) as transient.
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the model", e);
    }
    if (response.statusCode() < 200 || response.statusCode() > 299) {
      throw new Failed(response.statusCode(), response.body(), RetryAfter.from(response.headers()));
    }
    return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
        .body(response.body()).build();
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    throw new UnsupportedOperationException("the root-cause model does not stream");
  }

  /** A non-2xx answer, with the wait the vendor asked for. */
  static final class Failed extends HttpException {
    private final transient Optional<Duration> retryAfter;

    Failed(int status, String body, Optional<Duration> retryAfter) {
      super(status, body);
      this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
      return retryAfter;
    }
  }

  /** Takes the timeouts the vendor's model sets. */
  static final class Builder implements HttpClientBuilder {
    private Duration connectTimeout;
    private Duration readTimeout;

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    @Override
    public HttpClient build() {
      return new RetryAfterHttpClient(this);
    }
  }
}
