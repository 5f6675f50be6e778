package nl.kamerstukken.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.kamerstukken.ingest.blob.FolderBlobStore;
import nl.kamerstukken.ingest.config.IngestConfig.FileEvents;
import nl.kamerstukken.ingest.publish.Outcome.Status;
import nl.kamerstukken.ingest.source.FolderSource;
import nl.kamerstukken.ingest.source.InboxFile;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.ReasonCode;
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

/**
 * The per-file decisions against Kafka's in-memory {@link MockProducer} (a unit test: the real
 * broker is used by {@code IngestServiceIT}).
 */
class FileIngestorTest {

  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  /** A producer that fails the next {@link #failures} writes, like a broker that is down. */
  static final class FlakyProducer extends MockProducer<String, byte[]> {
    final AtomicInteger failures = new AtomicInteger();

    FlakyProducer() {
      super(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<String, byte[]> record, Callback callback) {
      if (failures.get() > 0) {
        failures.decrementAndGet();
        return CompletableFuture.failedFuture(new TimeoutException("broker down"));
      }
      return super.send(record, callback);
    }
  }

  @TempDir Path dir;
  private Path inbox;
  private final FlakyProducer producer = new FlakyProducer();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private IngestMetrics metrics;
  private Ledger ledger;
  private FolderSource source;
  private Announcer announcer;
  private FileIngestor ingestor;
  private final Set<String> otherSources = new HashSet<>();

  @BeforeEach
  void start() throws IOException {
    inbox = Files.createDirectories(dir.resolve("inbox"));
    metrics = new IngestMetrics(registry);
    open(1024 * 1024);
  }

  private void open(long maxFileSize) throws IOException {
    ledger = Ledger.open(dir.resolve("state"));
    source = FolderSource.open(inbox, Duration.ZERO, Duration.ofHours(1), FileEvents.AUTO, ledger);
    EventPublisher publisher = new EventPublisher(producer, Duration.ofSeconds(5));
    DeadLetters deadLetters = new DeadLetters(publisher, Topics.DEAD_LETTER, Stage.INGEST, CLOCK);
    announcer =
        new Announcer(
            publisher,
            Topics.RECEIVED,
            deadLetters,
            new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)),
            metrics.retries());
    ingestor =
        new FileIngestor(
            source,
            FolderBlobStore.create(dir.resolve("blobs")),
            new MediaTypeDetector(),
            ledger,
            announcer,
            metrics,
            CLOCK,
            maxFileSize,
            otherSources::contains);
  }

  private void restart(long maxFileSize) throws IOException {
    close();
    open(maxFileSize);
  }

  @AfterEach
  void close() throws IOException {
    source.close();
    ledger.close();
  }

  private InboxFile drop(String path, byte[] content) throws IOException {
    Files.createDirectories(inbox.resolve(path).getParent());
    Files.write(inbox.resolve(path), content);
    return source.stat(path).orElseThrow();
  }

  private List<ProducerRecord<String, byte[]>> received() {
    return producer.history().stream()
        .filter(r -> r.topic().equals(Topics.RECEIVED.name()))
        .toList();
  }

  private List<DeadLetter> deadLetters() {
    return producer.history().stream()
        .filter(r -> r.topic().equals(Topics.DEAD_LETTER.name()))
        .map(r -> Topics.DEAD_LETTER.valueSerde().deserializer().deserialize(r.topic(), r.value()))
        .toList();
  }

  private static DocumentReceived event(ProducerRecord<String, byte[]> record) {
    return Topics.RECEIVED.valueSerde().deserializer().deserialize(record.topic(), record.value());
  }

  @Test
  void announcesNewContentKeyedByItsHash() throws IOException {
    // Given a PDF in a subfolder
    InboxFile file = drop("2026/kst 1.pdf", PDF);

    // When it is ingested
    Outcome outcome = ingestor.ingest(file);

    // Then one event describes it, keyed by the content's SHA-256, with its bytes in the blob store
    assertThat(outcome.status()).isEqualTo(Status.ANNOUNCED);
    assertThat(received())
        .singleElement()
        .satisfies(
            record -> {
              DocumentReceived event = event(record);
              assertThat(record.key())
                  .isEqualTo(event.documentId())
                  .isEqualTo(event.sha256())
                  .hasSize(64);
              assertThat(event.sourcePath()).isEqualTo("2026/kst 1.pdf");
              assertThat(event.fileName()).isEqualTo("kst 1.pdf");
              assertThat(event.mediaType()).isEqualTo("application/pdf");
              assertThat(event.sizeBytes()).isEqualTo(PDF.length);
              assertThat(event.receivedAt()).isEqualTo(CLOCK.instant());
              assertThat(event.blobUri()).startsWith("file:/");
              assertThat(Path.of(java.net.URI.create(event.blobUri()))).hasBinaryContent(PDF);
            });
    assertThat(metrics.announced().count()).isEqualTo(1);
    assertThat(metrics.hashing().count()).isEqualTo(1);
  }

  @Test
  void announcesTheSameContentOnceEvenUnderTwoNamesAndAfterARestart() throws IOException {
    // Given content that was announced
    ingestor.ingest(drop("a.pdf", PDF));

    // When the same bytes arrive under another name, and again after a restart
    Outcome copy = ingestor.ingest(drop("kopie van a.pdf", PDF));
    restart(1024 * 1024);
    Outcome afterRestart = ingestor.ingest(drop("map/nog een kopie.pdf", PDF));

    // Then it was announced once; the copies are recorded as holding it
    assertThat(copy.status()).isEqualTo(Status.DUPLICATE);
    assertThat(afterRestart.status()).isEqualTo(Status.DUPLICATE);
    assertThat(received()).hasSize(1);
    assertThat(ledger.pathsAt(""))
        .containsExactlyInAnyOrder("a.pdf", "kopie van a.pdf", "map/nog een kopie.pdf");
    assertThat(metrics.duplicates().count()).isEqualTo(2);
  }

  @Test
  void publishesATombstoneWhenTheOnlyFileWithTheContentIsDeleted() throws IOException {
    // Given announced content
    String sha = ingestor.ingest(drop("weg.pdf", PDF)).documentId();

    // When its file is deleted and released
    Files.delete(inbox.resolve("weg.pdf"));
    Outcome outcome = ingestor.release("weg.pdf");

    // Then a tombstone keyed by the content follows the announcement, and the ledger forgets both
    assertThat(outcome.detail()).isEqualTo("tombstone");
    assertThat(received()).hasSize(2);
    assertThat(received().get(1).key()).isEqualTo(sha);
    assertThat(received().get(1).value()).isNull();
    assertThat(ledger.isAnnounced(sha)).isFalse();
    assertThat(ledger.holding("weg.pdf")).isEmpty();
    assertThat(metrics.removed().count()).isEqualTo(1);
  }

  @Test
  void aDeletedFileWhoseContentAnotherSourceHoldsRemovesNothing() throws IOException {
    // Given announced content that another known source (a folder watched before) holds too
    String sha = ingestor.ingest(drop("gedeeld.pdf", PDF)).documentId();
    otherSources.add(sha);

    // When its file is deleted here and released
    Files.delete(inbox.resolve("gedeeld.pdf"));
    Outcome outcome = ingestor.release("gedeeld.pdf");

    // Then no tombstone: the document stays, for the other source still has it; this source
    // forgets both the path and its claim on the content
    assertThat(outcome.detail()).isEqualTo("held by another source");
    assertThat(received()).hasSize(1);
    assertThat(ledger.isAnnounced(sha)).isFalse();
    assertThat(ledger.holding("gedeeld.pdf")).isEmpty();
    assertThat(metrics.removed().count()).isZero();
  }

  @Test
  void aRenameRemovesNothing() throws IOException {
    // Given announced content
    String sha = ingestor.ingest(drop("oud.pdf", PDF)).documentId();

    // When the file is renamed: the new name is ingested, then the old one released
    Files.move(inbox.resolve("oud.pdf"), inbox.resolve("nieuw.pdf"));
    Outcome moved = ingestor.ingest(source.stat("nieuw.pdf").orElseThrow());
    Outcome released = ingestor.release("oud.pdf");

    // Then no tombstone and no second announcement
    assertThat(moved.status()).isEqualTo(Status.DUPLICATE);
    assertThat(released.detail()).isEqualTo("held elsewhere");
    assertThat(received()).hasSize(1);
    assertThat(ledger.isAnnounced(sha)).isTrue();
    assertThat(ledger.pathsAt("")).containsExactly("nieuw.pdf");
  }

  @Test
  void aChangedFileAnnouncesTheNewContentAndRemovesTheOld() throws IOException {
    // Given announced content
    String before = ingestor.ingest(drop("versie.txt", "versie 1".getBytes())).documentId();

    // When the file gets other content
    String after = ingestor.ingest(drop("versie.txt", "versie 2, langer".getBytes())).documentId();

    // Then the new content is announced and the old one tombstoned
    assertThat(after).isNotEqualTo(before);
    assertThat(received()).extracting(ProducerRecord::key).containsExactly(before, after, before);
    assertThat(received().get(2).value()).isNull();
    assertThat(ledger.isAnnounced(before)).isFalse();
    assertThat(ledger.holding("versie.txt").orElseThrow().sha256()).isEqualTo(after);
  }

  @Test
  void deadLettersAFileThatIsTooLargeAndGoesOn() throws IOException {
    // Given a limit of 16 bytes
    restart(16);
    InboxFile large = drop("groot.pdf", PDF);

    // When a larger file is ingested
    Outcome outcome = ingestor.ingest(large);

    // Then it is dead-lettered with the reason and not announced
    assertThat(outcome.status()).isEqualTo(Status.REFUSED);
    assertThat(deadLetters())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.reasonCode()).isEqualTo(ReasonCode.FILE_TOO_LARGE);
              assertThat(letter.stage()).isEqualTo(Stage.INGEST);
              assertThat(letter.message()).contains("groot.pdf").contains("INGEST_MAX_FILE_SIZE");
              assertThat(letter.originalEvent().get("sourcePath").asText()).isEqualTo("groot.pdf");
            });
    assertThat(received()).isEmpty();
    assertThat(
            registry
                .get("kamerstukken.ingest.files.failed")
                .tag("reason", "FILE_TOO_LARGE")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(ingestor.ingest(drop("klein.txt", "klein".getBytes())).status())
        .isEqualTo(Status.ANNOUNCED);
  }

  @Test
  void deadLettersAFileThatVanishedBeforeItWasRead() throws IOException {
    InboxFile file = drop("kort.pdf", PDF);
    Files.delete(file.path());

    Outcome outcome = ingestor.ingest(file);

    assertThat(outcome.status()).isEqualTo(Status.REFUSED);
    assertThat(outcome.detail()).isEqualTo("FILE_VANISHED");
    assertThat(deadLetters())
        .extracting(DeadLetter::reasonCode)
        .containsExactly(ReasonCode.FILE_VANISHED);
  }

  @Test
  void readsAFileAgainWhenItChangedWhileItWasRead() throws IOException {
    // Given a file seen with one stamp that has changed since
    InboxFile seen = drop("bezig.pdf", PDF);
    Files.write(seen.path(), "nog bezig met schrijven, nu langer".getBytes());

    // When it is ingested, Then nothing is announced and it is to be retried
    assertThat(ingestor.ingest(seen).status()).isEqualTo(Status.RETRY);
    assertThat(received()).isEmpty();
  }

  @Test
  void retriesWhileKafkaIsUnavailableAndRecordsOnlyAfterTheAck() throws IOException {
    // Given a broker that fails the next three writes
    producer.failures.set(3);

    // When a file is ingested
    Outcome outcome = ingestor.ingest(drop("geduld.pdf", PDF));

    // Then it is announced once the broker accepts it, after three retries
    assertThat(outcome.status()).isEqualTo(Status.ANNOUNCED);
    assertThat(received()).hasSize(1);
    assertThat(metrics.retries().count()).isEqualTo(3);
    assertThat(ledger.isAnnounced(outcome.documentId())).isTrue();
  }

  @Test
  void stoppingWhileKafkaIsDownLeavesTheFileUnrecordedForTheNextStart() throws IOException {
    // Given a broker that is down and a service that is stopping
    producer.failures.set(Integer.MAX_VALUE);
    announcer.stop();

    // When a file is ingested
    InboxFile file = drop("later.pdf", PDF);
    Outcome outcome = ingestor.ingest(file);

    // Then it is not marked as announced, so the next start announces it
    assertThat(outcome.status()).isEqualTo(Status.STOPPED);
    assertThat(ledger.isAnnounced(outcome.documentId())).isFalse();
    assertThat(ledger.holding("later.pdf")).isEmpty();
  }

  @Test
  void retractsContentThatNoPathHoldsAfterAnEarlierStop() throws IOException {
    // Given a ledger in which content is announced but held by no path (stopped before its
    // tombstone)
    String orphan = "c".repeat(64);
    ledger.announced(orphan, null, null);

    // When orphans are retracted
    ingestor.retractOrphans();

    // Then its tombstone is published
    assertThat(received())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo(orphan);
              assertThat(r.value()).isNull();
            });
    assertThat(ledger.orphans()).isEmpty();
  }
}
