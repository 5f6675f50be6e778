package nl.kamerstukken.ingest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.ingest.config.IngestConfig;
import nl.kamerstukken.kit.config.EnvConfig;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Topic;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * ingest-service against a real Kafka broker (local stack): files in, events out, as a user of the
 * received topic sees them. Each run uses its own topic prefix.
 */
@ExtendWith(LocalStackExtension.class)
class IngestServiceIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern METRIC =
      Pattern.compile("(?m)^kamerstukken_ingest_files_duplicates_total\\S* (\\S+)$");

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
  private final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
  private Map<String, String> env;
  private IngestService service;
  private Supervisor supervisor;
  private KafkaConsumer<String, byte[]> consumer;

  @AfterEach
  void stop() {
    if (consumer != null) {
      consumer.close();
    }
    if (service != null) {
      service.close();
    }
  }

  private void configure(LocalStack stack) {
    env = new HashMap<>();
    env.put("INGEST_INBOX", dir.resolve("inbox").toString());
    env.put("INGEST_BLOB_DIR", dir.resolve("data/blobs").toString());
    env.put("INGEST_STATE_DIR", dir.resolve("data/state").toString());
    env.put("INGEST_SETTLE_TIME", "300ms");
    env.put("INGEST_RESCAN_INTERVAL", "2s");
    env.put("INGEST_MAX_FILE_SIZE", "1MB");
    env.put("INGEST_HTTP_PORT", "0");
    env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
    env.put("KAFKA_TOPIC_PREFIX", "it-" + UUID.randomUUID() + ".");
  }

  private void startService() {
    service = IngestService.create(IngestConfig.load(env));
    supervisor = new Supervisor("ingest-service");
    service.start(supervisor);
  }

  private void restartService() {
    assertThat(supervisor.failure()).as("the loop must not have died").isEmpty();
    service.close();
    assertThat(supervisor.failure()).as("a requested stop is not a failure").isEmpty();
    startService();
  }

  private KafkaSettings kafka() {
    return KafkaSettings.from(EnvConfig.of("INGEST_", env), "ingest-it");
  }

  /**
   * Reads the received and dead-letter topics from the beginning, without a consumer group's help.
   */
  private void startConsumer() {
    consumer = new KafkaConsumer<>(kafka().consumer("it-reader-" + UUID.randomUUID(), 500));
    List<TopicPartition> partitions = new ArrayList<>();
    for (Topic<String, ?> topic :
        List.of(kafka().topic(Topics.RECEIVED), kafka().topic(Topics.DEAD_LETTER))) {
      consumer
          .partitionsFor(topic.name())
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  private void read() {
    String receivedTopic = kafka().topic(Topics.RECEIVED).name();
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      (record.topic().equals(receivedTopic) ? received : deadLetters).add(record);
    }
  }

  private List<String> announced() {
    return received.stream().filter(r -> r.value() != null).map(ConsumerRecord::key).toList();
  }

  private List<String> tombstones() {
    return received.stream().filter(r -> r.value() == null).map(ConsumerRecord::key).toList();
  }

  private Path inbox() {
    return dir.resolve("inbox");
  }

  private String drop(String path, String content) throws Exception {
    Path file = inbox().resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return sha256(content);
  }

  @Test
  void announcesEachContentOnceSurvivesARestartAndTombstonesDeletedContent(LocalStack stack)
      throws Exception {
    configure(stack);
    // Given files in the inbox before the service starts: three contents, one of them twice, and a
    // hidden file
    String a = drop("kst-26643-1522.pdf", "%PDF-1.4 Vraag 1 Antwoord 1");
    drop("kopie/kst-26643-1522 (1).pdf", "%PDF-1.4 Vraag 1 Antwoord 1");
    String b = drop("ah-tk-20252026-1.txt", "Vragen van het lid over één reünie");
    String c = drop("2026/maart/kst 3 ✓.pdf", "%PDF-1.4 Vraag 3");
    drop(".verborgen.pdf", "never announced");

    // When the service starts
    startService();
    startConsumer();

    // Then each distinct content is announced once, keyed by its SHA-256
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              read();
              assertThat(announced()).containsExactlyInAnyOrder(a, b, c);
            });
    DocumentReceived eventB =
        event(received.stream().filter(r -> r.key().equals(b)).findFirst().orElseThrow());
    assertThat(eventB.sourcePath()).isEqualTo("ah-tk-20252026-1.txt");
    assertThat(eventB.mediaType()).isEqualTo("text/plain");
    assertThat(Path.of(URI.create(eventB.blobUri())))
        .hasContent("Vragen van het lid over één reünie");
    assertThat(health()).contains("\"status\":\"UP\"");

    // When the same content is dropped again while running, and a new one, a too large one, a link
    // outside
    drop("nog een kopie.txt", "Vragen van het lid over één reünie");
    String d = drop("nieuw/kst-4.pdf", "%PDF-1.4 Vraag 4");
    Files.write(inbox().resolve("te groot.pdf"), new byte[2 * 1024 * 1024]);
    Files.createSymbolicLink(
        inbox().resolve("link.pdf"), Files.writeString(dir.resolve("buiten.pdf"), "buiten"));

    // Then only the new content is announced; the others are dead letters with their reason
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              read();
              assertThat(announced()).containsExactlyInAnyOrder(a, b, c, d);
              assertThat(duplicatesCounted()).isEqualTo(2);
              assertThat(deadLetters)
                  .extracting(r -> deadLetter(r).reasonCode())
                  .containsExactlyInAnyOrder(
                      ReasonCode.FILE_TOO_LARGE, ReasonCode.OUTSIDE_WATCHED_FOLDER);
            });

    // When the service restarts, and a file arrives afterwards
    restartService();
    String e = drop("na herstart.pdf", "%PDF-1.4 Vraag 5");

    // Then nothing is announced again; only the new file is
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              read();
              assertThat(announced()).containsExactlyInAnyOrder(a, b, c, d, e);
            });

    // When a file is renamed, one of two copies is deleted, and then the only file of a content is
    // deleted
    Files.move(
        inbox().resolve("2026/maart/kst 3 ✓.pdf"), inbox().resolve("2026/kst 3 hernoemd.pdf"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(duplicatesCounted()).isEqualTo(1));
    Files.delete(inbox().resolve("kst-26643-1522.pdf"));
    Files.delete(inbox().resolve("nieuw/kst-4.pdf"));

    // Then only that content gets a tombstone: not the renamed one, not the one that still has a
    // copy
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              read();
              assertThat(tombstones()).containsExactly(d);
            });
    assertThat(announced()).containsExactlyInAnyOrder(a, b, c, d, e);
    assertThat(supervisor.failure()).isEmpty();
  }

  private DocumentReceived event(ConsumerRecord<String, byte[]> record) {
    return Topics.RECEIVED.valueSerde().deserializer().deserialize(record.topic(), record.value());
  }

  private DeadLetter deadLetter(ConsumerRecord<String, byte[]> record) {
    return Topics.DEAD_LETTER
        .valueSerde()
        .deserializer()
        .deserialize(record.topic(), record.value());
  }

  private String health() throws IOException, InterruptedException {
    return get("/health");
  }

  private double duplicatesCounted() throws IOException, InterruptedException {
    Matcher m = METRIC.matcher(get("/metrics"));
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
  }

  private static String sha256(String content) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
  }
}
