package nl.kamerstukken.ingest.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import nl.kamerstukken.ingest.blob.BlobStore;
import nl.kamerstukken.ingest.blob.FolderBlobStore;
import nl.kamerstukken.ingest.blob.S3BlobStore;
import nl.kamerstukken.ingest.config.IngestConfig;
import nl.kamerstukken.ingest.config.S3Settings;
import nl.kamerstukken.ingest.publish.Announcer;
import nl.kamerstukken.ingest.publish.IngestMetrics;
import nl.kamerstukken.ingest.publish.Ingestion;
import nl.kamerstukken.ingest.publish.Ledger;
import nl.kamerstukken.ingest.publish.MediaTypeDetector;
import nl.kamerstukken.ingest.source.BucketEvents;
import nl.kamerstukken.ingest.source.BucketSource;
import nl.kamerstukken.ingest.source.FolderSource;
import nl.kamerstukken.kit.http.AdminServer;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.KafkaHealth;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.kafka.TopicAdmin;
import nl.kamerstukken.kit.lifecycle.Service;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * ingest-service: files dropped in the inbox folder (or objects put in the inbox bucket) in, {@code
 * DocumentReceived} events (and tombstones) out.
 */
public final class IngestService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  /**
   * Time for the file in hand (hashing 200 MB takes about a second); after it, a pending Kafka
   * write is aborted.
   */
  private static final Duration STOP_WAIT = Duration.ofSeconds(15);

  private final IngestConfig config;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private Ledger ledger;
  private FolderSource source;
  private EventPublisher publisher;
  private KafkaHealth kafkaHealth;
  private IngestLoop loop;
  private BucketLoop bucketLoop;
  private BucketEvents bucketEvents;
  private S3Client s3;
  private AdminServer admin;
  private Supervisor supervisor;

  private IngestService(IngestConfig config) {
    this.config = config;
  }

  public static IngestService create(IngestConfig config) {
    return new IngestService(config);
  }

  @Override
  public String name() {
    return "ingest-service";
  }

  @Override
  public void start(Supervisor supervisor) {
    this.supervisor = supervisor;
    KafkaSettings kafka = config.kafka();
    LOG.info(
        "ingest-service: inbox [{}], blobs [{}], state [{}], Kafka {}",
        inboxName(),
        blobsName(),
        config.stateDir(),
        kafka.describe());
    warnUnlessUtf8FileNames();
    TopicAdmin.ensureTopics(kafka, Duration.ofSeconds(60));
    try {
      ledger = Ledger.open(config.stateDir());
      BlobStore blobs = blobStore();
      publisher = EventPublisher.create(kafka);
      IngestMetrics metrics = new IngestMetrics(registry);
      DeadLetters deadLetters =
          new DeadLetters(
              publisher, kafka.topic(Topics.DEAD_LETTER), Stage.INGEST, Clock.systemUTC());
      Announcer announcer =
          new Announcer(
              publisher,
              kafka.topic(Topics.RECEIVED),
              deadLetters,
              Backoff.standard(),
              metrics.retries());
      if (config.source() == IngestConfig.Kind.S3) {
        prepareBucket(blobs, announcer, metrics);
      } else {
        prepareFolder(blobs, announcer, metrics);
      }
      Gauge.builder("kamerstukken.ingest.paths.known", ledger, Ledger::size)
          .description("inbox paths in the ledger")
          .register(registry);
      LOG.info("ingest-service: ledger knows [{}] path(s)", ledger.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare ingest: " + e.getMessage(), e);
    }
    kafkaHealth = new KafkaHealth(kafka);
    admin = startAdmin();
    if (bucketLoop != null) {
      supervisor.start("watcher", bucketLoop);
      if (bucketEvents != null) {
        supervisor.start("bucket-events", bucketEvents);
      }
    } else {
      supervisor.start("watcher", loop);
    }
  }

  private void prepareFolder(BlobStore blobs, Announcer announcer, IngestMetrics metrics)
      throws IOException {
    source =
        FolderSource.open(config.inbox(), config.settleTime(), config.rescanInterval(), ledger);
    Ingestion ingestion =
        new Ingestion(
            source,
            blobs,
            new MediaTypeDetector(),
            ledger,
            announcer,
            metrics,
            Clock.systemUTC(),
            config.maxFileSizeBytes());
    loop =
        new IngestLoop(
            source, ingestion, announcer, Duration.ofMinutes(2).plus(config.rescanInterval()));
    Gauge.builder("kamerstukken.ingest.files.pending", loop, IngestLoop::pending)
        .description("files seen but not yet complete")
        .register(registry);
  }

  private void prepareBucket(BlobStore blobs, Announcer announcer, IngestMetrics metrics) {
    S3Settings settings = config.s3();
    BucketSource bucket = new BucketSource(s3Client(), settings.inbox(), ledger);
    Ingestion ingestion =
        new Ingestion(
            bucket,
            blobs,
            new MediaTypeDetector(),
            ledger,
            announcer,
            metrics,
            Clock.systemUTC(),
            config.maxFileSizeBytes());
    bucketLoop = new BucketLoop(bucket, ingestion, announcer, settings.pollInterval());
    if (!settings.eventsTopic().isEmpty()) {
      bucketEvents =
          new BucketEvents(
              config.kafka().consumer("ingest-service-bucket-events", 100),
              settings.eventsTopic(),
              bucketLoop::trigger);
    }
  }

  private BlobStore blobStore() throws IOException {
    if (config.blobStore() == IngestConfig.Kind.S3) {
      return S3BlobStore.create(
          s3Client(), config.s3().blobs(), config.stateDir().resolve("blob-staging"));
    }
    return FolderBlobStore.create(config.blobDir());
  }

  private S3Client s3Client() {
    if (s3 == null) {
      s3 = config.s3().connection().connect();
    }
    return s3;
  }

  private String inboxName() {
    return config.source() == IngestConfig.Kind.S3
        ? config.s3().inbox()
            + " ("
            + config.s3().connection()
            + ", listed every "
            + config.s3().pollInterval()
            + ")"
        : config.inbox().toString();
  }

  private String blobsName() {
    return config.blobStore() == IngestConfig.Kind.S3
        ? config.s3().blobs().toString()
        : config.blobDir().toString();
  }

  private AdminServer startAdmin() {
    try {
      return AdminServer.start(config.httpHost(), config.httpPort(), registry)
          .check("kafka", kafkaHealth)
          .check("watcher", bucketLoop != null ? bucketLoop::health : loop::health);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve /health on "
              + config.httpHost()
              + ":"
              + config.httpPort()
              + " (set INGEST_HTTP_PORT)",
          e);
    }
  }

  /** File names with accents are read only when the JVM decodes names as UTF-8 (a UTF-8 locale). */
  private static void warnUnlessUtf8FileNames() {
    String encoding = System.getProperty("sun.jnu.encoding", StandardCharsets.UTF_8.name());
    if (!encoding.equalsIgnoreCase("UTF-8")) {
      LOG.warn(
          "file names are decoded as [{}]: names with accents or other non-ASCII characters cannot be "
              + "read. Run with a UTF-8 locale, e.g. LANG=C.UTF-8",
          encoding);
    }
  }

  /** The port /health and /metrics are served on (useful when configured as 0). */
  public int httpPort() {
    return admin.port();
  }

  @Override
  public void close() {
    if (supervisor != null) {
      // The loop ends because we ask it to: not a failure (ServiceRunner says so too; tests close
      // directly).
      supervisor.stopping();
    }
    if (loop != null) {
      loop.stop();
    }
    if (bucketLoop != null) {
      bucketLoop.stop();
    }
    if (bucketEvents != null) {
      bucketEvents.stop();
    }
    if (!loopEnded(STOP_WAIT)) {
      // Most likely blocked on a Kafka write that cannot complete: closing the producer aborts it,
      // and the
      // file stays unrecorded (it is announced at the next start).
      LOG.warn(
          "ingest-service: the loop did not stop within {}; aborting its pending Kafka write",
          STOP_WAIT);
      closeQuietly(publisher);
      if (!loopEnded(Duration.ofSeconds(10))) {
        LOG.warn(
            "ingest-service: the loop still runs; stopping anyway (the file in hand is done again at start)");
      }
    }
    closeQuietly(admin);
    closeQuietly(kafkaHealth);
    closeQuietly(source);
    closeQuietly(publisher);
    closeQuietly(ledger);
    closeQuietly(s3);
    LOG.info("ingest-service stopped");
  }

  private boolean loopEnded(Duration timeout) {
    try {
      return supervisor == null || supervisor.join(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("while closing [{}]: {}", closeable.getClass().getSimpleName(), e.toString());
    }
  }
}
