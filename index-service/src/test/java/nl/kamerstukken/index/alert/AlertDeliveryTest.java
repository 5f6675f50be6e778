package nl.kamerstukken.index.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.Incoming;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.AlertMatch;
import nl.kamerstukken.model.AlertSubscription;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deliverer against a real local HTTP receiver; Kafka and the ledger are stand-ins. */
class AlertDeliveryTest {

  private static final String SECRET = "geheim";

  private final AtomicInteger answer = new AtomicInteger(200);
  private final List<String> signatures = new CopyOnWriteArrayList<>();
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final Set<String> ledger = new HashSet<>();
  private HttpServer receiver;
  private Subscriptions subscriptions;
  private AlertDelivery delivery;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            bodies.add(in.readAllBytes());
          }
          signatures.add(exchange.getRequestHeaders().getFirst("X-Kamerstukken-Signature"));
          exchange.sendResponseHeaders(answer.get(), -1);
          exchange.close();
        });
    receiver.start();
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);
    SecretBox secrets = new SecretBox(key);
    subscriptions =
        new Subscriptions(
            new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name()),
            Topics.ALERT_SUBSCRIPTIONS);
    subscriptions.applied(
        "kolen",
        new AlertSubscription(
            "kolen",
            "kolencentrale",
            null,
            null,
            URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
            secrets.seal("kolen", SECRET),
            Instant.now()));
    DeadLetters deadLetters =
        new DeadLetters(
            new EventPublisher(producer, Duration.ofSeconds(5)),
            Topics.DEAD_LETTER,
            Stage.ALERT,
            Clock.systemUTC());
    delivery =
        new AlertDelivery(
            subscriptions,
            secrets,
            new Webhook(Duration.ofSeconds(5)),
            new MemoryLedger(),
            deadLetters,
            3,
            Clock.systemUTC(),
            new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  @Test
  void anAlertIsPostedSignedOnceEvenWhenItsBatchComesAgain() throws Exception {
    List<Incoming<AlertMatch>> batch = List.of(event("a1"));

    delivery.handle(batch);
    delivery.handle(batch);

    assertThat(bodies).hasSize(1);
    assertThat(signatures.get(0)).isEqualTo(Webhook.signature(SECRET, bodies.get(0)));
    assertThat(new String(bodies.get(0), StandardCharsets.UTF_8))
        .contains("\"alert\":\"kolen\"", "\"qaId\":\"ah-tk-1-qa-1\"", "\"test\":false");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void aWebhookThatKeepsFailingIsRetriedThenTheAlertIsDeadLettered() throws Exception {
    answer.set(500);
    List<Incoming<AlertMatch>> batch = List.of(event("a2"));

    assertThatThrownBy(() -> delivery.handle(batch)).isInstanceOf(RetryableException.class);
    assertThatThrownBy(() -> delivery.handle(batch)).isInstanceOf(RetryableException.class);
    delivery.handle(batch);

    assertThat(bodies).hasSize(3);
    assertThat(producer.history()).hasSize(1);
    DeadLetter letter =
        Topics.DEAD_LETTER
            .valueSerde()
            .deserializer()
            .deserialize("t", producer.history().get(0).value());
    assertThat(letter.reasonCode()).isEqualTo(ReasonCode.ALERT_UNDELIVERED);
    assertThat(letter.stage()).isEqualTo(Stage.ALERT);
    assertThat(letter.attempts()).isEqualTo(3);
    assertThat(letter.message()).contains("HTTP 500").doesNotContain(SECRET);
    assertThat(letter.originalTopic()).isEqualTo(Topics.ALERTS.name());
    assertThat(ledger).isEmpty();
  }

  @Test
  void anAlertOfARemovedSavedSearchIsNotSent() throws Exception {
    subscriptions.applied("kolen", null);

    delivery.handle(List.of(event("a3")));

    assertThat(bodies).isEmpty();
  }

  private static Incoming<AlertMatch> event(String seed) {
    String key = AlertMatcher.sha256(seed);
    AlertMatch alert =
        new AlertMatch(
            key,
            "kolen",
            "ah-tk-1-qa-1",
            "ah-tk-1",
            "Vragen over kolencentrales",
            List.of("1"),
            "Wanneer sluit de laatste kolencentrale?",
            "Uiterlijk in 2029.",
            "0123456789abcdef",
            null,
            null,
            Instant.now(),
            AlertMatch.KIND_QA,
            null,
            null);
    return new Incoming<>(Topics.ALERTS.name(), 0, 0, key, alert);
  }

  private final class MemoryLedger implements Ledger {
    @Override
    public Set<String> delivered(List<String> keys) {
      Set<String> found = new HashSet<>(keys);
      found.retainAll(ledger);
      return found;
    }

    @Override
    public void record(AlertMatch alert, int status, Instant at) {
      ledger.add(alert.idempotencyKey());
    }
  }
}
