package nl.kamerstukken.ingest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import nl.kamerstukken.ingest.blob.BlobStore;
import nl.kamerstukken.ingest.blob.FolderBlobStore;
import nl.kamerstukken.ingest.blob.StorageFullException;
import nl.kamerstukken.ingest.blob.StoredBlob;
import nl.kamerstukken.ingest.config.IngestConfig.FileEvents;
import nl.kamerstukken.ingest.publish.Announcer;
import nl.kamerstukken.ingest.publish.FileIngestor;
import nl.kamerstukken.ingest.publish.IngestMetrics;
import nl.kamerstukken.ingest.publish.Ledger;
import nl.kamerstukken.ingest.publish.MediaTypeDetector;
import nl.kamerstukken.ingest.source.FolderSource;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's lifecycle and health, with Kafka's in-memory {@link MockProducer}. */
class IngestLoopTest {

  /** A producer that can play a broker that is down. */
  static final class SwitchableProducer extends MockProducer<String, byte[]> {
    volatile boolean down;

    SwitchableProducer() {
      super(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<String, byte[]> record, Callback callback) {
      return down
          ? CompletableFuture.failedFuture(new TimeoutException("broker down"))
          : super.send(record, callback);
    }
  }

  /**
   * A blob store stand-in that answers every put like a full disk ("No space left on device") while
   * {@link #full} is set; otherwise the real folder store.
   */
  static final class FillableBlobStore implements BlobStore {
    final FolderBlobStore store;
    volatile boolean full;

    FillableBlobStore(FolderBlobStore store) {
      this.store = store;
    }

    @Override
    public StoredBlob put(InputStream content) throws IOException {
      if (full) {
        content.read(new byte[1024]);
        throw StorageFullException.inFolder(
                store.root(),
                new FileSystemException(
                    store.root().resolve(".incoming/put-x.tmp").toString(),
                    null,
                    "No space left on device"))
            .orElseThrow();
      }
      return store.put(content);
    }

    @Override
    public InputStream open(URI uri) throws IOException {
      return store.open(uri);
    }

    @Override
    public boolean exists(String sha256) throws IOException {
      return store.exists(sha256);
    }
  }

  @TempDir Path dir;
  private Path inbox;
  private FillableBlobStore blobs;
  private final SwitchableProducer producer = new SwitchableProducer();
  private Ledger ledger;
  private IngestLoop loop;
  private Thread thread;

  @BeforeEach
  void start() throws IOException {
    inbox = Files.createDirectories(dir.resolve("inbox"));
    blobs = new FillableBlobStore(FolderBlobStore.create(dir.resolve("blobs")));
    ledger = Ledger.open(dir.resolve("state"));
    FolderSource source =
        FolderSource.open(
            inbox, Duration.ofMillis(100), Duration.ofMillis(500), FileEvents.AUTO, ledger);
    EventPublisher publisher = new EventPublisher(producer, Duration.ofSeconds(5));
    IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
    Announcer announcer =
        new Announcer(
            publisher,
            Topics.RECEIVED,
            new DeadLetters(publisher, Topics.DEAD_LETTER, Stage.INGEST, Clock.systemUTC()),
            new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)),
            metrics.retries());
    FileIngestor ingestor =
        new FileIngestor(
            source,
            blobs,
            new MediaTypeDetector(),
            ledger,
            announcer,
            metrics,
            Clock.systemUTC(),
            1024 * 1024);
    loop =
        new IngestLoop(
            source,
            ingestor,
            announcer,
            Duration.ofMinutes(1),
            new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
    thread = new Thread(loop, "ingest-loop-test");
    thread.start();
  }

  @AfterEach
  void stop() throws IOException {
    loop.stop();
    await().atMost(Duration.ofSeconds(10)).until(() -> !thread.isAlive());
    ledger.close();
  }

  @Test
  void ingestsDroppedFilesAndStopsWhenAsked() throws IOException {
    // Given a running loop
    await().atMost(Duration.ofSeconds(5)).until(() -> loop.health().up());

    // When files are dropped
    Files.writeString(inbox.resolve("a.txt"), "a");
    Files.writeString(inbox.resolve("b.txt"), "bb");

    // Then both are announced
    await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 2);

    // When it is asked to stop, Then the thread ends and health says so
    loop.stop();
    await().atMost(Duration.ofSeconds(5)).until(() -> !thread.isAlive());
    assertThat(loop.health().up()).isFalse();
    assertThat(loop.health().detail()).contains("STOPPED");
  }

  @Test
  void isNotReadyWhileTheInboxIsMissingAndRecoversWhenItIsBack() throws IOException {
    // Given a running loop that knows a file
    Files.writeString(inbox.resolve("a.txt"), "a");
    await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

    // When the inbox folder disappears as a whole (like an unmounted share)
    Path away = Files.move(inbox, dir.resolve("elders"));

    // Then health is down, naming the inbox, and no tombstone is published for the file that is not
    // there
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(loop.health().up()).isFalse();
              assertThat(loop.health().detail()).contains("missing or unreadable");
            });
    assertThat(producer.history()).hasSize(1);

    // When it is back, Then health recovers, and still nothing was removed
    Files.move(away, inbox);
    await().atMost(Duration.ofSeconds(15)).until(() -> loop.health().up());
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void stopsPromptlyWhileKafkaIsDownWithoutRecordingTheFile() throws IOException {
    // Given a broker that is down and a file waiting to be announced
    producer.down = true;
    Files.writeString(inbox.resolve("wacht.txt"), "wacht");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> loop.health().detail().contains("waiting for Kafka"));
    assertThat(loop.health().up()).as("the loop itself is alive while it retries").isTrue();

    // When the loop is asked to stop
    loop.stop();

    // Then it ends without waiting out its backoff, and the file is not recorded as announced
    await().atMost(Duration.ofSeconds(2)).until(() -> !thread.isAlive());
    assertThat(producer.history()).isEmpty();
    assertThat(ledger.holding("wacht.txt")).isEmpty();
  }

  @Test
  void holdsFilesWhileTheBlobStoreIsFullAndAnnouncesEachOnceWhenThereIsSpace() throws IOException {
    // Given a running loop and a blob store without space
    await().atMost(Duration.ofSeconds(5)).until(() -> loop.health().up());
    blobs.full = true;

    // When three files are dropped
    for (String name : List.of("a.txt", "b.txt", "c.txt")) {
      Files.writeString(inbox.resolve(name), "inhoud van " + name);
    }

    // Then storage health is down, naming the disk full and the blob store, and the files are held:
    // nothing is announced, nothing dead-lettered, nothing recorded
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(loop.storage("").up()).isFalse();
              assertThat(loop.storage("").detail())
                  .contains("DISK_FULL")
                  .contains(blobs.store.root().toString())
                  .contains("bytes free");
            });
    await()
        .during(Duration.ofMillis(800))
        .atMost(Duration.ofSeconds(2))
        .until(() -> producer.history().isEmpty());
    assertThat(loop.health().up()).as("the loop itself runs and waits").isTrue();
    assertThat(ledger.size()).isZero();

    // When space returns
    blobs.full = false;

    // Then every file is announced exactly once, and storage is up again
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(producer.history()).hasSize(3);
              assertThat(loop.storage("free").up()).isTrue();
            });
    assertThat(producer.history().stream().map(ProducerRecord::key).distinct()).hasSize(3);
    assertThat(producer.history())
        .allSatisfy(r -> assertThat(r.topic()).isEqualTo(Topics.RECEIVED.name()));
    assertThat(ledger.size()).isEqualTo(3);
  }
}
