package nl.kamerstukken.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.kamerstukken.ingest.app.IngestService;
import nl.kamerstukken.ingest.config.IngestConfig;
import nl.kamerstukken.kit.config.EnvConfig;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.localstack.s3.S3Endpoint;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * ingest-service watching a real S3 bucket (S3Proxy from the local stack) with its blobs in another
 * real bucket: what a user of the received topic sees when objects are put, overwritten, copied and
 * deleted, also while the service is down.
 */
@ExtendWith(LocalStackExtension.class)
class BucketIngestIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir java.nio.file.Path dir;
  private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  /** A copy taken under the appender's lock: the running service keeps logging meanwhile. */
  private List<ILoggingEvent> loggedSoFar() {
    synchronized (logs) {
      return List.copyOf(logs.list);
    }
  }

  private S3Endpoint endpoint;
  private S3Client s3;
  private String inbox;
  private String blobs;
  private Map<String, String> env;
  private IngestService service;
  private Supervisor supervisor;
  private KafkaConsumer<String, byte[]> consumer;

  @BeforeEach
  void buckets(LocalStack stack) {
    endpoint =
        stack
            .s3()
            .orElseThrow(() -> new IllegalStateException("S3 is off: junit-platform.properties?"));
    // The service's credentials come from the AWS default chain; system properties are one of its
    // sources.
    System.setProperty("aws.accessKeyId", endpoint.identity());
    System.setProperty("aws.secretAccessKey", endpoint.credential());
    s3 =
        S3Client.builder()
            .endpointOverride(endpoint.endpoint())
            .region(Region.of(endpoint.region()))
            .forcePathStyle(true)
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(endpoint.identity(), endpoint.credential())))
            .build();
    String id = UUID.randomUUID().toString().substring(0, 8);
    inbox = "inbox-" + id;
    blobs = "blobs-" + id;
    s3.createBucket(b -> b.bucket(inbox));
    s3.createBucket(b -> b.bucket(blobs));
    env = new HashMap<>();
    env.put("INGEST_SOURCE", "s3");
    env.put("INGEST_S3_ENDPOINT", endpoint.endpoint().toString());
    env.put("INGEST_S3_BUCKET", inbox);
    env.put("INGEST_S3_PREFIX", "kamerstukken/");
    env.put("INGEST_S3_POLL_INTERVAL", "500ms");
    env.put("INGEST_BLOB_STORE", "s3");
    env.put("INGEST_BLOB_BUCKET", blobs);
    env.put("INGEST_BLOB_PREFIX", "sha256/");
    env.put("INGEST_STATE_DIR", dir.resolve("state").toString());
    env.put("INGEST_MAX_FILE_SIZE", "1MB");
    env.put("INGEST_HTTP_PORT", "0");
    env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
    env.put("KAFKA_TOPIC_PREFIX", "it-" + id + ".");
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    if (consumer != null) {
      consumer.close();
    }
    if (service != null) {
      service.close();
    }
    s3.close();
  }

  @Test
  void announcesNewAndChangedObjectsTombstonesDeletedOnesAndCatchesUpAfterARestart()
      throws Exception {
    // Given objects in the watched folder of the bucket, one twice, a hidden one, and one outside
    // the prefix
    String a = put("kamerstukken/kst-26643-1522.pdf", "%PDF-1.4 Vraag 1 Antwoord 1");
    put("kamerstukken/kopie/kst-26643-1522.pdf", "%PDF-1.4 Vraag 1 Antwoord 1");
    String b = put("kamerstukken/2026/ah-tk-1 ✓.txt", "Vragen van het lid over één reünie");
    put("kamerstukken/.verborgen.pdf", "never announced");
    put("elders/kst-9.pdf", "outside the prefix");

    // When the service starts
    startService();
    startConsumer();

    // Then each distinct content is announced once, its bytes in the blob bucket under their hash
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(announced()).containsExactlyInAnyOrder(a, b));
    DocumentReceived eventB = event(b);
    assertThat(eventB.sourcePath()).isEqualTo("s3://" + inbox + "/kamerstukken/2026/ah-tk-1 ✓.txt");
    assertThat(eventB.fileName()).isEqualTo("ah-tk-1 ✓.txt");
    assertThat(eventB.mediaType()).isEqualTo("text/plain");
    String blobKey = "sha256/" + b.substring(0, 2) + "/" + b.substring(2, 4) + "/" + b;
    assertThat(eventB.blobUri()).isEqualTo("s3://" + blobs + "/" + blobKey);
    assertThat(s3.getObjectAsBytes(r -> r.bucket(blobs).key(blobKey)).asUtf8String())
        .isEqualTo("Vragen van het lid over één reünie");

    // When an object is overwritten with other content, and the only object of a content is deleted
    String b2 = put("kamerstukken/2026/ah-tk-1 ✓.txt", "Vragen van het lid, tweede versie");
    s3.deleteObject(r -> r.bucket(inbox).key("kamerstukken/kst-26643-1522.pdf"));

    // Then the new content is announced and the old one tombstoned; the deleted key's content still
    // has a copy
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(announced()).containsExactlyInAnyOrder(a, b, b2);
              assertThat(tombstones()).containsExactly(b);
            });

    // When the service is down while an object arrives and the last copy of another content is
    // deleted
    service.close();
    assertThat(supervisor.failure()).isEmpty();
    String c = put("kamerstukken/na herstart.pdf", "%PDF-1.4 Vraag 5");
    s3.deleteObject(r -> r.bucket(inbox).key("kamerstukken/kopie/kst-26643-1522.pdf"));
    startService();

    // Then only the news is published: nothing is announced again
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(announced()).containsExactlyInAnyOrder(a, b, b2, c);
              assertThat(tombstones()).containsExactlyInAnyOrder(b, a);
            });
    assertThat(supervisor.failure()).isEmpty();
    // And the S3 secret is in no log line
    assertThat(loggedSoFar())
        .isNotEmpty()
        .noneSatisfy(
            line -> assertThat(line.getFormattedMessage()).contains(endpoint.credential()));
  }

  @Test
  void aNotificationOfTheBucketTriggersAListingBeforeThePollInterval() throws Exception {
    // Given a service that lists only every 10 minutes, and listens to the bucket's notifications
    env.put("INGEST_S3_POLL_INTERVAL", "10m");
    env.put("INGEST_S3_EVENTS_TOPIC", env.get("KAFKA_TOPIC_PREFIX") + "bucket-events");
    try (Admin admin = Admin.create(kafka().admin())) {
      admin
          .createTopics(List.of(new NewTopic(env.get("INGEST_S3_EVENTS_TOPIC"), 1, (short) 1)))
          .all()
          .get();
    }
    String first = put("kamerstukken/eerste.pdf", "%PDF-1.4 eerste");
    startService();
    startConsumer();
    await().atMost(WAIT).untilAsserted(() -> assertThat(announced()).containsExactly(first));

    // When an object arrives, and the bucket notifies (as MinIO does) until the service hears it
    String second = put("kamerstukken/tweede.pdf", "%PDF-1.4 tweede");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka().producer())) {
      // Then it is announced long before the next listing was due
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                producer
                    .send(
                        new ProducerRecord<>(
                            env.get("INGEST_S3_EVENTS_TOPIC"),
                            "s3:ObjectCreated:Put",
                            "{\"EventName\":\"s3:ObjectCreated:Put\"}"
                                .getBytes(StandardCharsets.UTF_8)))
                    .get();
                assertThat(announced()).containsExactlyInAnyOrder(first, second);
              });
    }
  }

  private String put(String key, String content) throws Exception {
    s3.putObject(
        b -> b.bucket(inbox).key(key), RequestBody.fromString(content, StandardCharsets.UTF_8));
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
  }

  private void startService() {
    service = IngestService.create(IngestConfig.load(env));
    supervisor = new Supervisor("ingest-service");
    service.start(supervisor);
  }

  private KafkaSettings kafka() {
    return KafkaSettings.from(EnvConfig.of("INGEST_", env), "ingest-it");
  }

  private void startConsumer() {
    consumer = new KafkaConsumer<>(kafka().consumer("it-reader-" + UUID.randomUUID(), 500));
    List<TopicPartition> partitions =
        consumer.partitionsFor(kafka().topic(Topics.RECEIVED).name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  private List<String> announced() {
    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
    return received.stream().filter(r -> r.value() != null).map(ConsumerRecord::key).toList();
  }

  private List<String> tombstones() {
    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
    return received.stream().filter(r -> r.value() == null).map(ConsumerRecord::key).toList();
  }

  private DocumentReceived event(String key) {
    ConsumerRecord<String, byte[]> record =
        received.stream()
            .filter(r -> key.equals(r.key()) && r.value() != null)
            .findFirst()
            .orElseThrow();
    return Topics.RECEIVED.valueSerde().deserializer().deserialize(record.topic(), record.value());
  }
}
