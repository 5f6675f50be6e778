package nl.kamerstukken.ingest.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import nl.kamerstukken.ingest.blob.BlobStore;
import nl.kamerstukken.ingest.blob.StorageFullException;
import nl.kamerstukken.ingest.blob.StoredBlob;
import nl.kamerstukken.ingest.publish.Ledger.Holding;
import nl.kamerstukken.ingest.publish.Outcome.Status;
import nl.kamerstukken.ingest.source.FileStamp;
import nl.kamerstukken.ingest.source.Refusal;
import nl.kamerstukken.ingest.source.SourceFileException;
import nl.kamerstukken.ingest.source.SourceItem;
import nl.kamerstukken.ingest.source.SourceReader;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The work on one file or path: store, announce once per content, record; or remove. Order matters
 * for crash safety: bytes are durable in the blob store before the event, the event is acknowledged
 * before the ledger says so. A crash between two steps repeats the step at restart, which
 * downstream absorbs because the document id is the content's hash.
 *
 * <p>A file's own problems (too large, unreadable, vanished, outside the inbox) become dead letters
 * and an {@link Outcome}; a failing ledger (the state folder) is thrown: the service cannot go on
 * safely. A full disk is neither: a blob store without space gives {@link Status#NO_SPACE} (nothing
 * announced, nothing dead-lettered), a state folder without space keeps the ledger's lines in
 * memory ({@link #stateFull()}); the caller takes no new work until there is space again.
 */
public final class FileIngestor {

  private static final Logger LOG = LoggerFactory.getLogger(FileIngestor.class);

  /** What a dead letter of ingest carries: the file as it was seen (there is no event yet). */
  public record RejectedFile(String sourcePath, long sizeBytes, long modifiedMillis) {}

  private final SourceReader source;
  private final BlobStore blobs;
  private final MediaTypeDetector mediaTypes;
  private final Ledger ledger;
  private final Announcer announcer;
  private final IngestMetrics metrics;
  private final Clock clock;
  private final long maxFileSize;
  private final Predicate<String> otherSourcesHold;

  public FileIngestor(
      SourceReader source,
      BlobStore blobs,
      MediaTypeDetector mediaTypes,
      Ledger ledger,
      Announcer announcer,
      IngestMetrics metrics,
      Clock clock,
      long maxFileSize) {
    this(source, blobs, mediaTypes, ledger, announcer, metrics, clock, maxFileSize, sha -> false);
  }

  /**
   * @param otherSourcesHold whether another source (folder, bucket, feed) of the same state holds a
   *     content: then a gone path here removes nothing downstream, for the document is still that
   *     source's too
   */
  public FileIngestor(
      SourceReader source,
      BlobStore blobs,
      MediaTypeDetector mediaTypes,
      Ledger ledger,
      Announcer announcer,
      IngestMetrics metrics,
      Clock clock,
      long maxFileSize,
      Predicate<String> otherSourcesHold) {
    this.otherSourcesHold = otherSourcesHold;
    this.source = source;
    this.blobs = blobs;
    this.mediaTypes = mediaTypes;
    this.ledger = ledger;
    this.announcer = announcer;
    this.metrics = metrics;
    this.clock = clock;
    this.maxFileSize = maxFileSize;
  }

  /**
   * Stores a complete file (or object) and announces its content unless that was announced before.
   */
  public Outcome ingest(SourceItem file) {
    metrics.seen().increment();
    if (file.stamp().size() > maxFileSize) {
      return refuse(
          file.sourcePath(),
          file,
          ReasonCode.FILE_TOO_LARGE,
          file.sourcePath()
              + " has "
              + file.stamp().size()
              + " bytes, more than the limit of "
              + maxFileSize
              + " (INGEST_MAX_FILE_SIZE)");
    }
    StoredBlob blob;
    try (InputStream in = source.open(file)) {
      blob = metrics.hashing().recordCallable(() -> blobs.put(in));
    } catch (SourceFileException e) {
      return refuse(file.sourcePath(), file, e.reasonCode(), e.getMessage());
    } catch (StorageFullException e) {
      LOG.warn(
          "cannot store [{}]: {}; not announced, tried again when there is space",
          file.sourcePath(),
          e.getMessage());
      metrics.failed(ReasonCode.DISK_FULL).increment();
      return Outcome.of(Status.NO_SPACE, null, e.getMessage());
    } catch (Exception e) {
      LOG.warn(
          "cannot store [{}] in the blob store: {}; trying again when it is complete again",
          file.sourcePath(),
          e.toString());
      metrics.failed(ReasonCode.BLOB_STORE_UNAVAILABLE).increment();
      return Outcome.of(Status.RETRY, null, ReasonCode.BLOB_STORE_UNAVAILABLE.name());
    }
    Optional<FileStamp> after = stampNow(file);
    if (after.isEmpty()
        || !after.get().equals(file.stamp())
        || blob.size() != file.stamp().size()) {
      LOG.info("[{}] changed while it was read; it is read again once complete", file.sourcePath());
      return Outcome.of(Status.RETRY, blob.sha256(), ReasonCode.CHANGED_WHILE_READING.name());
    }
    return withDocumentId(blob.sha256(), () -> record(file, blob));
  }

  /**
   * What is there now; a source that cannot tell (unreachable) counts as changed: the item is tried
   * again.
   */
  private Optional<FileStamp> stampNow(SourceItem file) {
    try {
      return source.stampNow(file.sourcePath());
    } catch (IOException e) {
      LOG.warn(
          "cannot check [{}] after reading it: {}; trying again", file.sourcePath(), e.toString());
      return Optional.empty();
    }
  }

  @FunctionalInterface
  private interface LedgerWork {
    Outcome run() throws IOException;
  }

  /**
   * Runs {@code work} with the document id in the log context; a failing ledger stops the service.
   */
  private static Outcome withDocumentId(String sha256, LedgerWork work) {
    MDC.put("documentId", sha256);
    try {
      return work.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ingest ledger (INGEST_STATE_DIR)", e);
    } finally {
      MDC.remove("documentId");
    }
  }

  private Outcome record(SourceItem file, StoredBlob blob) throws IOException {
    String path = file.sourcePath();
    Optional<Holding> previous = ledger.holding(path);
    Outcome outcome;
    if (ledger.isAnnounced(blob.sha256())) {
      ledger.held(path, blob.sha256(), file.stamp());
      metrics.duplicates().increment();
      LOG.info("[{}] holds content that was announced before: not announced again", path);
      outcome = Outcome.of(Status.DUPLICATE, blob.sha256(), "already announced");
    } else {
      DocumentReceived event =
          new DocumentReceived(
              blob.sha256(),
              path,
              file.fileName(),
              mediaType(blob, file),
              blob.size(),
              blob.sha256(),
              blob.uri().toString(),
              clock.instant());
      if (!announcer.announce(event)) {
        return Outcome.of(Status.STOPPED, blob.sha256(), "stopped before Kafka acknowledged");
      }
      ledger.announced(blob.sha256(), path, file.stamp());
      metrics.announced().increment();
      LOG.info("announced [{}] ([{}], [{}] bytes)", path, event.mediaType(), blob.size());
      outcome = Outcome.of(Status.ANNOUNCED, blob.sha256(), event.mediaType());
    }
    if (previous.isPresent() && !previous.get().sha256().equals(blob.sha256())) {
      retractIfUnheld(previous.get().sha256(), path);
    }
    return outcome;
  }

  private String mediaType(StoredBlob blob, SourceItem file) throws IOException {
    try (InputStream in = blobs.open(blob.uri())) {
      return mediaTypes.detect(in, file.fileName());
    }
  }

  /**
   * {@code sourcePath} no longer holds a file. Its content is removed downstream (tombstone) unless
   * another path still holds it: a rename or a deleted copy removes nothing.
   */
  public Outcome release(String sourcePath) {
    Optional<Holding> held = ledger.holding(sourcePath);
    if (held.isEmpty()) {
      return Outcome.of(Status.RELEASED, null, "not known");
    }
    String sha = held.get().sha256();
    return withDocumentId(
        sha,
        () -> {
          if (ledger.heldElsewhere(sha, sourcePath) || !ledger.isAnnounced(sha)) {
            ledger.dropped(sourcePath);
            LOG.info(
                "[{}] is gone; its content is still in the inbox under another name", sourcePath);
            return Outcome.of(Status.RELEASED, sha, "held elsewhere");
          }
          if (otherSourcesHold.test(sha)) {
            ledger.retracted(sha, sourcePath);
            LOG.info("[{}] is gone; its content stays: another known source holds it", sourcePath);
            return Outcome.of(Status.RELEASED, sha, "held by another source");
          }
          if (!announcer.retract(sha)) {
            return Outcome.of(Status.STOPPED, sha, "stopped before Kafka acknowledged");
          }
          ledger.retracted(sha, sourcePath);
          metrics.removed().increment();
          LOG.info("[{}] is gone: published a tombstone for its content", sourcePath);
          return Outcome.of(Status.RELEASED, sha, "tombstone");
        });
  }

  /**
   * Content that {@code sourcePath} held before it changed: removed unless another path holds it.
   */
  private void retractIfUnheld(String sha, String sourcePath) throws IOException {
    if (ledger.heldElsewhere(sha, sourcePath) || !ledger.isAnnounced(sha)) {
      return;
    }
    if (otherSourcesHold.test(sha)) {
      ledger.retracted(sha, null);
      return;
    }
    if (announcer.retract(sha)) {
      ledger.retracted(sha, null);
      metrics.removed().increment();
      LOG.info("[{}] changed: published a tombstone for its former content [{}]", sourcePath, sha);
    }
  }

  /**
   * Retracts contents that were announced but that no path holds any more (see {@link
   * Ledger#orphans()}).
   */
  public void retractOrphans() {
    for (String sha : ledger.orphans()) {
      Outcome outcome =
          withDocumentId(
              sha,
              () -> {
                if (otherSourcesHold.test(sha)) {
                  ledger.retracted(sha, null);
                  return Outcome.of(Status.RELEASED, sha, "held by another source");
                }
                if (!announcer.retract(sha)) {
                  return Outcome.of(Status.STOPPED, sha, "stopped before Kafka acknowledged");
                }
                ledger.retracted(sha, null);
                metrics.removed().increment();
                LOG.info("published the tombstone of [{}], left over from an earlier stop", sha);
                return Outcome.of(Status.RELEASED, sha, "tombstone");
              });
      if (outcome.status() == Status.STOPPED) {
        return;
      }
    }
  }

  /**
   * Why the ledger keeps lines in memory (its folder is full), empty when all is on disk; no disk
   * access.
   */
  public Optional<StorageFullException> stateFull() {
    return ledger.full();
  }

  /**
   * Tries to write what the ledger keeps in memory (see {@link Ledger#flush()}); empty when it is
   * all on disk now, else why not.
   */
  public Optional<StorageFullException> flushState() {
    try {
      return ledger.flush() ? Optional.empty() : ledger.full();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ingest ledger (INGEST_STATE_DIR)", e);
    }
  }

  /** Dead-letters something the source refused to read. */
  public Outcome refuse(Refusal refusal) {
    return refuse(refusal.sourcePath(), null, refusal.reasonCode(), refusal.message());
  }

  private Outcome refuse(
      String sourcePath, SourceItem file, ReasonCode reasonCode, String message) {
    metrics.failed(reasonCode).increment();
    RejectedFile subject =
        file == null
            ? new RejectedFile(sourcePath, -1, -1)
            : new RejectedFile(sourcePath, file.stamp().size(), file.stamp().mtimeMillis());
    if (!announcer.deadLetter(null, reasonCode, message, subject)) {
      return Outcome.of(Status.STOPPED, null, reasonCode.name());
    }
    return Outcome.of(Status.REFUSED, null, reasonCode.name());
  }
}
