package nl.kamerstukken.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import nl.kamerstukken.ingest.source.SourceFileException;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.model.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The polite client against the JDK's HTTP server answering from a script. */
class PoliteClientTest {

  /** One scripted answer: status, headers as name/value pairs, body. */
  record Answer(int status, String body, String... headers) {}

  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Long> arrivals = new ArrayList<>();
  private final List<String> agents = new ArrayList<>();
  private HttpServer server;
  private PoliteClient client;

  private URI start(int maxAttempts) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          arrivals.add(System.nanoTime());
          agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
          Answer answer = script.isEmpty() ? new Answer(200, "done") : script.poll();
          for (int i = 0; i + 1 < answer.headers().length; i += 2) {
            exchange.getResponseHeaders().add(answer.headers()[i], answer.headers()[i + 1]);
          }
          byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    client =
        new PoliteClient(
            "kamerstukken-test",
            50,
            maxAttempts,
            Duration.ofSeconds(3),
            new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/frbr/x");
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void a429WithRetryAfterIsWaitedForAndA500IsRetried() throws Exception {
    // Given a server that answers 500, then 429 asking for 1 s, then the page
    URI uri = start(5);
    script.add(new Answer(500, "kapot"));
    script.add(new Answer(429, "te snel", "Retry-After", "1"));
    script.add(new Answer(200, "<page/>"));

    // When the page is asked for
    byte[] page = client.page(uri, 1024);

    // Then it arrives on the third attempt, at least 1 s after the 429, named by the User-Agent
    assertThat(new String(page, StandardCharsets.UTF_8)).isEqualTo("<page/>");
    assertThat(arrivals).hasSize(3);
    assertThat(Duration.ofNanos(arrivals.get(2) - arrivals.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(agents).containsOnly("kamerstukken-test");
    assertThat(client.retries()).isEqualTo(2);
  }

  @Test
  void attemptsEndAndARetryAfterLongerThanTheLimitIsNotWaitedForNow() throws Exception {
    URI uri = start(2);
    script.add(new Answer(503, ""));
    script.add(new Answer(503, ""));
    assertThatThrownBy(() -> client.page(uri, 1024)).hasMessageContaining("failed 2 time(s)");

    script.add(new Answer(429, "", "Retry-After", "3600"));
    assertThatThrownBy(() -> client.page(uri, 1024)).hasMessageContaining("asked to wait");
    // and the next request waits for it
    assertThat(client.waitNanos()).isGreaterThan(Duration.ofMinutes(59).toNanos());
  }

  @Test
  void aDocumentsOwnProblemsAreItsReasons() throws Exception {
    URI uri = start(3);
    script.add(new Answer(404, ""));
    script.add(new Answer(302, "", "Location", "https://evil.example/x.pdf"));
    script.add(new Answer(200, "x".repeat(2000)));

    assertThatThrownBy(() -> client.document(uri, 1024, ByteArrayOutputStream::new))
        .isInstanceOfSatisfying(
            SourceFileException.class,
            e -> assertThat(e.reasonCode()).isEqualTo(ReasonCode.FEED_ITEM_MISSING));
    assertThatThrownBy(() -> client.document(uri, 1024, ByteArrayOutputStream::new))
        .isInstanceOfSatisfying(
            SourceFileException.class,
            e -> assertThat(e.reasonCode()).isEqualTo(ReasonCode.FEED_ITEM_REFUSED))
        .hasMessageContaining("not followed");
    assertThatThrownBy(() -> client.document(uri, 1024, ByteArrayOutputStream::new))
        .isInstanceOfSatisfying(
            SourceFileException.class,
            e -> assertThat(e.reasonCode()).isEqualTo(ReasonCode.FILE_TOO_LARGE));
    assertThat(arrivals).hasSize(3);
  }
}
