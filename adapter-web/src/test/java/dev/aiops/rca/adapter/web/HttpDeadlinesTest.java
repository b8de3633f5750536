package dev.aiops.rca.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aiops.rca.adapter.web.ops.HttpOperations;
import dev.aiops.rca.adapter.web.webhook.WebhookGuard;
import dev.aiops.rca.core.query.QueryIncidentsService;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.ReceiveWebhookUseCase;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Slow and vanishing clients (issue 18, point 8): deadlines on headers and bodies, a quiet log when they leave. */
class HttpDeadlinesTest {

  // Short deadlines and a long idle timeout: a dribbling client is never idle, so only the deadlines can end it.
  private static final HttpDeadlines DEADLINES = new HttpDeadlines(Duration.ofMillis(600), Duration.ofMillis(600),
      Duration.ofMillis(1500));
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final CopyOnWriteArrayList<String> received = new CopyOnWriteArrayList<>();
  private final ReceiveWebhookUseCase intake = new ReceiveWebhookUseCase() {
    @Override
    public IntakeResult receive(Source source, String body, Map<String, String> headers) {
      received.add(body);
      return new IntakeResult.Accepted("d-1");
    }

    @Override
    public Set<Source> sources() {
      return Set.of(Source.DATABRICKS);
    }
  };
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private RcaHttpServer server;

  @BeforeEach
  void start() {
    logs.start();
    root.addAppender(logs);
    server = new RcaHttpServer("127.0.0.1", 0, new QueryIncidentsService(incidents, incidents, incidents),
        Optional.of(intake), WebhookGuard.OPEN, Optional.empty(), HttpOperations.standalone(), DEADLINES).start();
  }

  @AfterEach
  void stop() {
    server.close();
    root.detachAppender(logs);
  }

  @Test
  void should_close_a_connection_whose_headers_arrive_too_slowly() throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write("POST /webhooks/databricks HTTP/1.1\r\nHost: x\r\n"
          .getBytes(StandardCharsets.US_ASCII));

      assertThat(dribbleUntilClosed(socket, "X-Slow: " + "a".repeat(200) + "\r\n")).isTrue();
    }
    assertThat(received).isEmpty();
  }

  @Test
  void should_close_a_connection_whose_body_arrives_too_slowly() throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(("POST /webhooks/databricks HTTP/1.1\r\nHost: x\r\n"
          + "Content-Type: application/json\r\nContent-Length: 400\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

      assertThat(dribbleUntilClosed(socket, "{\"run_id\":" + "1".repeat(390))).isTrue();
    }
    awaitWarning();
    assertThat(received).isEmpty();
    assertThat(errors()).isEmpty();
  }

  @Test
  void should_close_a_connection_that_stays_silent_past_the_idle_deadline() throws IOException {
    try (Socket socket = connect()) {
      socket.setSoTimeout((int) PATIENCE.toMillis());
      Instant opened = Instant.now();

      // Nothing is sent: the server's idle deadline, not this client, ends the connection.
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      assertThat(Duration.between(opened, Instant.now())).isLessThan(PATIENCE);
    } catch (SocketException reset) {
      // closed by the server as well
    }
    assertThat(received).isEmpty();
  }

  @Test
  void should_log_one_warning_and_no_error_when_a_client_leaves_in_the_middle_of_its_body() throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /webhooks/databricks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
          + "\r\nContent-Length: 4000\r\n\r\n{\"run_id\":1").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    awaitWarning();
    assertThat(warnings()).singleElement().satisfies(event -> {
      assertThat(event.getFormattedMessage()).contains("/webhooks/databricks");
      assertThat(event.getThrowableProxy()).isNull();
    });
    assertThat(errors()).isEmpty();
    assertThat(received).isEmpty();
  }

  private void awaitWarning() {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (warnings().isEmpty() && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(50);
    return socket;
  }

  /** Sends {@code text} a byte at a time (paced by the read timeout) until the server ends the request, or false. */
  private static boolean dribbleUntilClosed(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    Instant deadline = Instant.now().plus(PATIENCE);
    for (int i = 0; Instant.now().isBefore(deadline); i = (i + 1) % bytes.length) {
      try {
        out.write(bytes[i]);
        out.flush();
        int first = in.read();
        if (first == -1) {
          return true;
        }
        // An answer: a refusal ends the request as well; a 2xx would mean the slow request went through.
        return !((char) first + drain(in)).startsWith("HTTP/1.1 2");
      } catch (SocketTimeoutException stillOpen) {
        // nothing from the server yet: go on dribbling
      } catch (SocketException reset) {
        return true;
      }
    }
    return false;
  }

  private static String drain(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    try {
      for (int b = in.read(); b != -1; b = in.read()) {
        text.append((char) b);
      }
    } catch (SocketTimeoutException | SocketException enough) {
      // what was there is read
    }
    return text.toString();
  }

  private List<ILoggingEvent> warnings() {
    return logged().stream().filter(e -> e.getLevel() == Level.WARN).toList();
  }

  private List<ILoggingEvent> errors() {
    return logged().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
  }

  /** What was logged so far: the appender adds under its own lock (AppenderBase.doAppend), from Jetty's threads. */
  private List<ILoggingEvent> logged() {
    synchronized (logs) {
      return List.copyOf(logs.list);
    }
  }
}
