package nl.kamerstukken.ingest.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import nl.kamerstukken.ingest.api.SourceId;
import nl.kamerstukken.ingest.blob.BlobStore;
import nl.kamerstukken.ingest.blob.FolderBlobStore;
import nl.kamerstukken.ingest.blob.S3BlobStore;
import nl.kamerstukken.ingest.blob.StorageFullException;
import nl.kamerstukken.ingest.config.IngestConfig;
import nl.kamerstukken.ingest.config.S3Settings;
import nl.kamerstukken.ingest.feed.KoopSource;
import nl.kamerstukken.ingest.publish.Announcer;
import nl.kamerstukken.ingest.publish.FileIngestor;
import nl.kamerstukken.ingest.publish.IngestMetrics;
import nl.kamerstukken.ingest.publish.Ledger;
import nl.kamerstukken.ingest.publish.MediaTypeDetector;
import nl.kamerstukken.ingest.source.BucketEvents;
import nl.kamerstukken.ingest.source.BucketSource;
import nl.kamerstukken.ingest.source.FolderSource;
import nl.kamerstukken.ingest.source.Source;
import nl.kamerstukken.ingest.state.OtherSources;
import nl.kamerstukken.ingest.state.SourceStates;
import nl.kamerstukken.kit.http.AdminServer;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.KafkaHealth;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.kafka.TopicAdmin;
import nl.kamerstukken.kit.lifecycle.Resources;
import nl.kamerstukken.kit.lifecycle.Service;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.kit.s3.S3Clients;
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
  private final Resources resources = new Resources("ingest-service");
  private Ledger ledger;
  private Path ledgerDir;
  private EventPublisher publisher;
  private IngestLoop loop;
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
    TopicAdmin.ensureTopics(
        kafka, Duration.ofSeconds(60), List.of(Topics.RECEIVED, Topics.DEAD_LETTER));
    try {
      SourceStates states = SourceStates.in(config.stateDir());
      SourceId sourceId = sourceId();
      ledgerDir = states.prepare(sourceId);
      ledger = resources.add(Ledger.open(ledgerDir));
      OtherSources others = OtherSources.of(states, sourceId);
      LOG.info(
          "ingest-service: source [{}] ({}); [{}] other known source(s) are kept as they are",
          sourceId.id(),
          sourceId.describe(),
          others.count());
      BlobStore blobs = blobStore();
      publisher = resources.add(EventPublisher.create(kafka));
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
      Source source = resources.add(source());
      FileIngestor ingestor =
          new FileIngestor(
              source,
              blobs,
              new MediaTypeDetector(),
              ledger,
              announcer,
              metrics,
              Clock.systemUTC(),
              config.maxFileSizeBytes(),
              others);
      loop = new IngestLoop(source, ingestor, announcer, Duration.ofMinutes(2).plus(interval()));
      Gauge.builder("kamerstukken.ingest.files.pending", loop, IngestLoop::pending)
          .description("files seen but not yet complete")
          .register(registry);
      Gauge.builder("kamerstukken.ingest.paths.known", ledger, Ledger::size)
          .description("inbox paths in the ledger")
          .register(registry);
      Gauge.builder("kamerstukken.ingest.disk.full", loop, l -> l.diskFull() ? 1 : 0)
          .description("1 while the blob store or the state folder has no space (ingest waits)")
          .register(registry);
      LOG.info("ingest-service: ledger knows [{}] path(s)", ledger.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare ingest: " + e.getMessage(), e);
    }
    KafkaHealth kafkaHealth = resources.add(new KafkaHealth(kafka));
    admin =
        resources
            .add(
                AdminServer.startOrExplain(
                    config.httpHost(), config.httpPort(), registry, "INGEST_HTTP_PORT"))
            .check("kafka", kafkaHealth)
            .check("watcher", loop::health)
            .check("storage", () -> loop.storage(freeSpace()));
    supervisor.start("watcher", loop);
    if (bucketEvents != null) {
      supervisor.start("bucket-events", bucketEvents);
    }
  }

  /**
   * Which source this is. Each keeps its own ledger in the state ({@link SourceStates}): a source
   * started later on the same state never takes another's documents for deleted files.
   */
  private SourceId sourceId() {
    return switch (config.source()) {
      case FOLDER -> SourceId.folder(config.inbox());
      case S3 -> SourceId.bucket(config.s3().inbox().bucket(), config.s3().inbox().prefix());
      case KOOP -> SourceId.koop();
    };
  }

  /** The configured inbox as a source; a bucket's notifications (if any) wake its listing. */
  private Source source() throws IOException {
    if (config.source() == IngestConfig.Kind.FOLDER) {
      return FolderSource.open(
          config.inbox(),
          config.settleTime(),
          config.rescanInterval(),
          config.fileEvents(),
          ledger);
    }
    if (config.source() == IngestConfig.Kind.KOOP) {
      return KoopSource.open(config.koop(), ledgerDir, ledger, config.maxFileSizeBytes());
    }
    S3Settings settings = config.s3();
    BucketSource bucket =
        new BucketSource(s3Client(), settings.inbox(), ledger, settings.pollInterval());
    if (!settings.eventsTopic().isEmpty()) {
      bucketEvents =
          new BucketEvents(
              config.kafka().consumer("ingest-service-bucket-events", 100),
              settings.eventsTopic(),
              bucket::wake);
    }
    return bucket;
  }

  /** How long the source may rightly stay quiet between rounds. */
  private Duration interval() {
    return switch (config.source()) {
      case S3 -> config.s3().pollInterval();
      case KOOP -> config.koop().interval().plus(config.koop().maxRetryWait());
      case FOLDER -> config.rescanInterval();
    };
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
      s3 = resources.add(S3Clients.create(config.s3().connection()));
    }
    return s3;
  }

  private String inboxName() {
    if (config.source() == IngestConfig.Kind.KOOP) {
      return "KOOP SRU "
          + config.koop().sruUrl()
          + " (documents under "
          + config.koop().documentBase()
          + ")";
    }
    return config.source() == IngestConfig.Kind.S3
        ? config.s3().inbox()
            + " ("
            + config.s3().connection()
            + ", listed every "
            + config.s3().pollInterval()
            + ")"
        : config.inbox().toString();
  }

  /** The free space of each folder ingest writes, for {@code /health} ("storage"). */
  private String freeSpace() {
    String blobs =
        config.blobStore() == IngestConfig.Kind.S3
            ? "blob store "
                + config.s3().blobs()
                + ", staged in "
                + free(config.stateDir().resolve("blob-staging"))
            : "blob store " + free(config.blobDir());
    return blobs + "; state " + free(config.stateDir());
  }

  private static String free(java.nio.file.Path dir) {
    long bytes = StorageFullException.usableSpace(dir);
    return dir
        + (bytes == StorageFullException.UNKNOWN
            ? " (free space unknown)"
            : ": " + bytes + " bytes free (" + bytes / (1024 * 1024) + " MiB)");
  }

  private String blobsName() {
    return config.blobStore() == IngestConfig.Kind.S3
        ? config.s3().blobs().toString()
        : config.blobDir().toString();
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

  /**
   * Stops the loop after the file in hand; if it is blocked on a Kafka write that cannot complete,
   * closing the producer aborts it and the file stays unrecorded (announced again at the next
   * start). Then closes what start opened.
   */
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
    if (bucketEvents != null) {
      bucketEvents.stop();
    }
    if (supervisor != null
        && !supervisor.awaitLoops(STOP_WAIT, "aborting the pending Kafka write")
        && publisher != null) {
      publisher.close();
      supervisor.awaitLoops(
          Duration.ofSeconds(10), "stopping anyway: the file in hand is done again at start");
    }
    resources.close();
    LOG.info("ingest-service stopped");
  }
}
