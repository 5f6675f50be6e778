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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.kamerstukken.ingest.config.IngestConfig;
import nl.kamerstukken.ingest.testing.TinyDisk;
import nl.kamerstukken.kit.config.EnvConfig;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.model.DocumentReceived;
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
 * ingest-service with its data folder on a real file system that runs full (a small tmpfs made by
 * the test; skipped where it cannot be mounted), against the real Kafka broker: while there is no
 * space nothing is announced or dead-lettered and {@code /health} says DISK_FULL; when space
 * returns every file is announced exactly once.
 */
@ExtendWith(LocalStackExtension.class)
class DiskFullIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int FILES = 5;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
  private final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
  private Map<String, String> env;
  private TinyDisk disk;
  private IngestService service;
  private Supervisor supervisor;
  private KafkaConsumer<String, byte[]> consumer;

  @AfterEach
  void stop() throws Exception {
    if (consumer != null) {
      consumer.close();
    }
    if (service != null) {
      service.close();
    }
    if (disk != null) {
      disk.close();
    }
  }

  @Test
  void holdsFilesWhileTheBlobStoreIsFullAndAnnouncesEachOnceWhenSpaceReturns(LocalStack stack)
      throws Exception {
    // Given ingest with its blob store and its ledger on a small disk, and the disk full
    disk = TinyDisk.mount(dir.resolve("data"), "2m");
    start(stack, disk.root().resolve("blobs"), disk.root().resolve("state"));
    disk.fill();

    // When files are dropped
    List<String> paths = drop("vol");

    // Then /health is 503 with DISK_FULL, naming the blob store and its free bytes; nothing is
    // announced, nothing dead-lettered, and no partial blob is left
    awaitDiskFull(disk.root().resolve("blobs"));
    assertNothingPublishedWhileFull(0);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              try (var temps = Files.list(disk.root().resolve("blobs/.incoming"))) {
                assertThat(temps).as("no partial blob").isEmpty();
              }
            });

    // When space returns
    disk.free();

    // Then every file is announced exactly once, none dead-lettered, and /health is 200 again
    awaitEachAnnouncedOnce(paths);
  }

  @Test
  void keepsTheLedgerInMemoryWhileItsFolderIsFullAndAnnouncesNothingTwice(LocalStack stack)
      throws Exception {
    // Given ingest whose blob store has room but whose state folder (the ledger) is full
    disk = TinyDisk.mount(dir.resolve("state"), "1m");
    start(stack, dir.resolve("blobs"), disk.root());
    disk.fill();

    // When files are dropped
    List<String> paths = drop("stand");

    // Then the first is stored and announced, its ledger line cannot be written: /health says
    // DISK_FULL naming the state folder, and the others wait (not announced, not dead-lettered)
    awaitDiskFull(disk.root());
    assertNothingPublishedWhileFull(1);

    // When space returns
    disk.free();

    // Then every file is announced exactly once (the first not again), and the ledger on disk
    // holds one whole line per file
    awaitEachAnnouncedOnce(paths);
    service.close();
    service = null;
    List<String> lines = Files.readAllLines(ledgerFile(disk.root()));
    assertThat(lines).hasSize(FILES).allSatisfy(line -> assertThat(line).startsWith("{\"op\":"));
  }

  /** The one ledger under the state folder (at its top, or in the folder of its source). */
  private static Path ledgerFile(Path state) throws IOException {
    try (var files = Files.walk(state)) {
      List<Path> ledgers =
          files.filter(f -> f.getFileName().toString().equals("ledger.jsonl")).toList();
      assertThat(ledgers).hasSize(1);
      return ledgers.get(0);
    }
  }

  private void start(LocalStack stack, Path blobs, Path state) {
    env = new HashMap<>();
    env.put("INGEST_INBOX", dir.resolve("inbox").toString());
    env.put("INGEST_BLOB_DIR", blobs.toString());
    env.put("INGEST_STATE_DIR", state.toString());
    env.put("INGEST_SETTLE_TIME", "200ms");
    env.put("INGEST_RESCAN_INTERVAL", "2s");
    env.put("INGEST_HTTP_PORT", "0");
    env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
    env.put("KAFKA_TOPIC_PREFIX", "it-" + UUID.randomUUID() + ".");
    service = IngestService.create(IngestConfig.load(env));
    supervisor = new Supervisor("ingest-service");
    service.start(supervisor);
    KafkaSettings kafka = KafkaSettings.from(EnvConfig.of("INGEST_", env), "disk-full-it");
    consumer = new KafkaConsumer<>(kafka.consumer("it-reader-" + UUID.randomUUID(), 500));
    List<TopicPartition> partitions = new ArrayList<>();
    for (Topic<String, ?> topic :
        List.of(kafka.topic(Topics.RECEIVED), kafka.topic(Topics.DEAD_LETTER))) {
      consumer
          .partitionsFor(topic.name())
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Drops {@link #FILES} files of distinct content; returns their source paths. */
  private List<String> drop(String prefix) throws IOException {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    List<String> paths = new ArrayList<>();
    for (int i = 1; i <= FILES; i++) {
      String name = prefix + "-" + i + ".txt";
      Files.writeString(
          inbox.resolve(name), "Kamervraag " + i + " over ruimte " + "x".repeat(i * 999));
      paths.add(name);
    }
    return paths;
  }

  private void awaitDiskFull(Path where) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              HttpResponse<String> health = get("/health");
              assertThat(health.statusCode()).isEqualTo(503);
              assertThat(health.body())
                  .contains("DISK_FULL")
                  .contains(where.toString())
                  .contains("bytes free");
              assertThat(get("/metrics").body()).contains("kamerstukken_ingest_disk_full 1.0");
            });
  }

  /** For a while: exactly {@code announced} announcements and no dead letter. */
  private void assertNothingPublishedWhileFull(int announced) {
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              read();
              return received.size() == announced && deadLetters.isEmpty();
            });
    assertThat(supervisor.failure()).as("a full disk does not end the service").isEmpty();
  }

  private void awaitEachAnnouncedOnce(List<String> paths) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              read();
              assertThat(received).hasSize(paths.size());
              assertThat(get("/health").statusCode()).isEqualTo(200);
            });
    Map<String, Long> perKey =
        received.stream()
            .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    assertThat(perKey).hasSize(paths.size()).allSatisfy((key, count) -> assertThat(count).isOne());
    assertThat(received).allSatisfy(r -> assertThat(r.value()).isNotNull());
    assertThat(
            received.stream()
                .map(r -> event(r).sourcePath())
                .collect(Collectors.toMap(Function.identity(), p -> 1)))
        .containsOnlyKeys(paths);
    assertThat(deadLetters).isEmpty();
    assertThat(supervisor.failure()).isEmpty();
  }

  private void read() {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      (record.topic().endsWith(Topics.RECEIVED.name()) ? received : deadLetters).add(record);
    }
  }

  private DocumentReceived event(ConsumerRecord<String, byte[]> record) {
    return Topics.RECEIVED.valueSerde().deserializer().deserialize(record.topic(), record.value());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
