package nl.kamerstukken.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nl.kamerstukken.kit.config.EnvConfig;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The worker loop on a real broker: what is committed when, retries, poison records, fatal errors.
 */
@ExtendWith(LocalStackExtension.class)
class ConsumerWorkerIT {

  private static final String SHA = "b".repeat(64);

  private KafkaSettings settings;
  private EventPublisher publisher;
  private DeadLetters deadLetters;
  private final String group = "worker-it-" + UUID.randomUUID();

  @BeforeEach
  void createTopics(LocalStack stack) {
    settings =
        KafkaSettings.from(
            EnvConfig.of(
                "TEST_",
                Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS",
                    stack.kafkaBootstrapServers(),
                    "KAFKA_TOPIC_PREFIX",
                    "it-" + UUID.randomUUID() + ".",
                    "KAFKA_PARTITIONS",
                    "2")),
            "worker-it");
    TopicAdmin.ensureTopics(settings, Duration.ofSeconds(30));
    publisher = EventPublisher.create(settings);
    deadLetters =
        new DeadLetters(
            publisher, settings.topic(Topics.DEAD_LETTER), Stage.PARSE, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    publisher.close();
  }

  @Test
  void aBatchThatFailsTransientlyIsRetriedAndCommittedOnlyAfterItSucceeds() throws Exception {
    publishReceived(3);
    AtomicInteger attempts = new AtomicInteger();
    List<String> handled = new CopyOnWriteArrayList<>();
    List<Long> committedDuringFailures = new CopyOnWriteArrayList<>();
    ConsumerWorker<DocumentReceived> worker =
        worker(
            batch -> {
              if (attempts.incrementAndGet() <= 2) {
                committedDuringFailures.add(committedOffsets());
                throw new RetryableException("Elasticsearch is down (simulated)");
              }
              batch.forEach(in -> handled.add(in.value().fileName()));
            });

    CompletableFuture<Void> loop = CompletableFuture.runAsync(worker);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(handled).hasSize(3);
              assertThat(committedOffsets()).isEqualTo(3);
            });
    assertThat(committedDuringFailures).containsOnly(0L);
    assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
    worker.stop();
    loop.get();
    assertThat(worker.state()).isEqualTo(ConsumerWorker.State.STOPPED);
  }

  @Test
  void bytesThatAreNoEventAreDeadLetteredAndSkipped() throws Exception {
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(settings.producer())) {
      raw.send(
              new ProducerRecord<>(
                  settings.topic(Topics.RECEIVED).name(),
                  "junk",
                  "no json here".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    publishReceived(1);
    List<String> handled = new CopyOnWriteArrayList<>();
    ConsumerWorker<DocumentReceived> worker =
        worker(batch -> batch.forEach(in -> handled.add(in.value().fileName())));

    CompletableFuture<Void> loop = CompletableFuture.runAsync(worker);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(handled).containsExactly("file-0.pdf");
              assertThat(committedOffsets()).isEqualTo(2);
            });
    List<DeadLetter> letters = readDeadLetters(1);
    assertThat(letters)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.reasonCode()).isEqualTo(ReasonCode.INVALID_EVENT);
              assertThat(letter.originalKey()).isEqualTo("junk");
              assertThat(letter.originalEvent().asText()).isEqualTo("no json here");
            });
    worker.stop();
    loop.get();
  }

  @Test
  void eventsTheirSchemaRefusesAreDeadLetteredWithTheValidationErrorAndTheLoopGoesOn()
      throws Exception {
    // Given a claim check that is no file: or s3: URI, an event under another document's key, and
    // a valid event with a field this version does not know
    String valid =
        "{\"documentId\":\"%s\",\"sourcePath\":\"a.pdf\",\"fileName\":\"%s\","
            + "\"mediaType\":\"application/pdf\",\"sizeBytes\":1,\"sha256\":\"%s\","
            + "\"blobUri\":\"%s\",\"receivedAt\":\"2026-01-01T00:00:00Z\"%s}";
    String other = "c".repeat(64);
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(settings.producer())) {
      String topic = settings.topic(Topics.RECEIVED).name();
      raw.send(record(topic, SHA, valid.formatted(SHA, "http.pdf", SHA, "http://x/y", ""))).get();
      raw.send(record(topic, other, valid.formatted(SHA, "key.pdf", SHA, "file:///b/x", ""))).get();
      raw.send(
              record(
                  topic,
                  SHA,
                  valid.formatted(SHA, "newer.pdf", SHA, "file:///b/x", ",\"addedLater\":[1]")))
          .get();
    }
    List<String> handled = new CopyOnWriteArrayList<>();
    ConsumerWorker<DocumentReceived> worker =
        worker(batch -> batch.forEach(in -> handled.add(in.value().fileName())));

    CompletableFuture<Void> loop = CompletableFuture.runAsync(worker);

    // Then only the valid one is handled, all three are committed, and the two dead letters say why
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(handled).containsExactly("newer.pdf");
              assertThat(committedOffsets()).isEqualTo(3);
            });
    assertThat(readDeadLetters(2))
        .allSatisfy(letter -> assertThat(letter.reasonCode()).isEqualTo(ReasonCode.INVALID_EVENT))
        .anySatisfy(
            letter -> {
              assertThat(letter.message()).contains("$.blobUri", "^(file|s3):");
              assertThat(letter.originalEvent().path("fileName").asText()).isEqualTo("http.pdf");
            })
        .anySatisfy(
            letter -> {
              assertThat(letter.message()).contains("key [" + other + "]", "documentId");
              assertThat(letter.originalKey()).isEqualTo(other);
            });
    assertThat(worker.state()).isEqualTo(ConsumerWorker.State.RUNNING);
    worker.stop();
    loop.get();
  }

  private static ProducerRecord<String, byte[]> record(String topic, String key, String json) {
    return new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anUnexpectedErrorEndsTheLoopLoudlyAndCommitsNothing() throws Exception {
    publishReceived(1);
    ConsumerWorker<DocumentReceived> worker =
        worker(
            batch -> {
              throw new IllegalStateException("bug");
            });

    CompletableFuture<Void> loop = CompletableFuture.runAsync(worker);

    await().atMost(Duration.ofSeconds(60)).until(loop::isDone);
    assertThat(loop).isCompletedExceptionally();
    assertThat(worker.state()).isEqualTo(ConsumerWorker.State.FAILED);
    assertThat(worker.health().up()).isFalse();
    assertThat(committedOffsets()).isZero();
  }

  private ConsumerWorker<DocumentReceived> worker(BatchHandler<DocumentReceived> handler) {
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings.consumer(group, 50));
    return new ConsumerWorker<>(
        "it",
        consumer,
        settings.topic(Topics.RECEIVED),
        handler,
        deadLetters,
        new Backoff(Duration.ofMillis(100), Duration.ofMillis(500)),
        new SimpleMeterRegistry());
  }

  private void publishReceived(int count) throws RetryableException {
    for (int i = 0; i < count; i++) {
      publisher.publish(
          settings.topic(Topics.RECEIVED),
          SHA,
          new DocumentReceived(
              SHA,
              "file-" + i + ".pdf",
              "file-" + i + ".pdf",
              "application/pdf",
              1,
              SHA,
              "file:///blobs/" + SHA,
              Instant.now()));
    }
  }

  /** Sum of the group's committed offsets over the received topic's partitions. */
  private long committedOffsets() throws Exception {
    try (Admin admin = Admin.create(settings.admin())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(settings.group(group))
              .partitionsToOffsetAndMetadata()
              .get();
      return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }
  }

  private List<DeadLetter> readDeadLetters(int expected) {
    String topic = settings.topic(Topics.DEAD_LETTER).name();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(settings.consumer("dlq-" + UUID.randomUUID(), 100))) {
      consumer.subscribe(Set.of(topic));
      List<DeadLetter> letters = new CopyOnWriteArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(500))
                    .forEach(
                        r ->
                            letters.add(
                                Topics.DEAD_LETTER
                                    .valueSerde()
                                    .deserializer()
                                    .deserialize(topic, r.value())));
                return letters.size() >= expected;
              });
      return letters;
    }
  }
}
