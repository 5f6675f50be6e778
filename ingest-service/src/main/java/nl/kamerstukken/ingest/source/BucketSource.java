package nl.kamerstukken.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.ingest.config.BucketLocation;
import nl.kamerstukken.model.ReasonCode;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket (or a folder of one) as a stream of work, found by listing it completely and comparing
 * the listing with what the ledger ({@link KnownFiles}) holds: that comparison is the checkpoint,
 * so a restart announces nothing again, and finds what arrived, changed or disappeared while the
 * service was down.
 *
 * <ul>
 *   <li>An object is offered when the ledger does not hold its key with the same ETag and size (S3
 *       shows an object only once it is complete, so there is no settle time).
 *   <li>A key the ledger holds that a <em>complete</em> listing no longer has is gone. A listing
 *       that fails halfway reports nothing gone: it throws.
 *   <li>Hidden names ({@code .x} in any part of the key) and the temp names of {@link NameRules}
 *       are ignored, and so are folder markers (keys ending in {@code /}).
 * </ul>
 *
 * <p>Listings are {@code interval} apart; {@link #wake()} (a bucket notification) brings the next
 * one forward. Not thread-safe: one loop calls {@link #next}; {@link #wake} may come from any
 * thread.
 */
public final class BucketSource implements Source {

  private final S3Client s3;
  private final BucketLocation location;
  private final KnownFiles known;
  private final Duration interval;
  private final Semaphore wake = new Semaphore(0);
  private long nextListing;
  private boolean listedOnce;

  /** Refused objects, not offered again until their stamp changes. */
  private final Map<String, FileStamp> skipped = new HashMap<>();

  public BucketSource(S3Client s3, BucketLocation location, KnownFiles known, Duration interval) {
    this.s3 = s3;
    this.location = location;
    this.known = known;
    this.interval = interval;
  }

  /**
   * Lists the bucket when the interval since the last listing has passed (or a {@link #wake} came),
   * waiting at most {@code maxWait} for that; the first call lists at once.
   */
  @Override
  public Batch next(Duration maxWait) throws IOException, InterruptedException {
    if (listedOnce) {
      long due = nextListing - System.nanoTime();
      if (due > 0) {
        boolean woken = wake.tryAcquire(Math.min(due, maxWait.toNanos()), TimeUnit.NANOSECONDS);
        if (woken) {
          wake.drainPermits();
        } else if (due > maxWait.toNanos()) {
          return Batch.empty();
        }
      }
    }
    Batch batch = list();
    listedOnce = true;
    nextListing = System.nanoTime() + interval.toNanos();
    return batch;
  }

  @Override
  public void wake() {
    wake.release();
  }

  @Override
  public String describe() {
    return location.toString();
  }

  @Override
  public void close() {
    // the S3 client belongs to the service, which closes it
  }

  public BucketLocation location() {
    return location;
  }

  /**
   * Lists the whole location.
   *
   * @throws IOException when the bucket cannot be listed completely (nothing is reported gone then)
   */
  Batch list() throws IOException {
    Map<String, BucketObject> listed = new LinkedHashMap<>();
    try {
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(location.bucket()).prefix(location.prefix()))
              .contents()) {
        if (!ignored(object.key())) {
          BucketObject found =
              new BucketObject(
                  location.uri(object.key()),
                  object.key(),
                  stamp(object.size(), object.lastModified(), object.eTag()));
          listed.put(found.sourcePath(), found);
        }
      }
    } catch (NoSuchBucketException e) {
      throw new IOException(
          "the bucket ["
              + location.bucket()
              + "] does not exist: create it (e.g. `mc mb` or "
              + "`aws s3 mb`) or set INGEST_S3_BUCKET");
    } catch (SdkException e) {
      throw new IOException(
          "cannot list "
              + location
              + ": "
              + e.getMessage()
              + " (check INGEST_S3_* and the "
              + "AWS credentials)",
          e);
    }
    skipped.keySet().retainAll(listed.keySet());
    List<SourceItem> complete = new ArrayList<>();
    for (BucketObject object : listed.values()) {
      boolean same =
          known.stamp(object.sourcePath()).filter(s -> sameVersion(s, object.stamp())).isPresent();
      if (!same && !object.stamp().equals(skipped.get(object.sourcePath()))) {
        complete.add(object);
      }
    }
    List<String> gone =
        known.pathsAt(location.root()).stream().filter(p -> !listed.containsKey(p)).toList();
    return new Batch(complete, List.of(), gone);
  }

  /**
   * The key's part below the prefix, each of its names checked like a file name in the inbox
   * folder.
   */
  private boolean ignored(String key) {
    if (key.endsWith("/")) {
      return true;
    }
    for (String name : key.substring(location.prefix().length()).split("/")) {
      if (NameRules.ignored(name)) {
        return true;
      }
    }
    return false;
  }

  /** Versions are told apart by ETag (and size); the time is informative only. */
  static boolean sameVersion(FileStamp known, FileStamp listed) {
    return known.etag() != null
        && known.etag().equals(listed.etag())
        && known.size() == listed.size();
  }

  static FileStamp stamp(Long size, Instant lastModified, String eTag) {
    long seconds = lastModified == null ? 0 : lastModified.getEpochSecond();
    String etag = eTag == null ? "" : eTag.replace("\"", "");
    return new FileStamp(size == null ? 0 : size, seconds * 1000, etag);
  }

  /** Do not offer this object again until it changes (it was refused; the operator was told). */
  @Override
  public void skip(SourceItem object) {
    skipped.put(object.sourcePath(), object.stamp());
  }

  /** Nothing to do: the ledger did not record the object, so the next listing offers it again. */
  @Override
  public void retry(SourceItem object) {}

  @Override
  public InputStream open(SourceItem item) throws IOException {
    String key = ownKey(item.sourcePath());
    try {
      return s3.getObject(b -> b.bucket(location.bucket()).key(key));
    } catch (NoSuchKeyException e) {
      throw new SourceFileException(
          ReasonCode.FILE_VANISHED, item.sourcePath() + " was deleted before it could be read", e);
    } catch (SdkException e) {
      throw new IOException("cannot read " + item.sourcePath() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<FileStamp> stampNow(String sourcePath) throws IOException {
    String key = ownKey(sourcePath);
    try {
      HeadObjectResponse head = s3.headObject(b -> b.bucket(location.bucket()).key(key));
      return Optional.of(stamp(head.contentLength(), head.lastModified(), head.eTag()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw new IOException("cannot look at " + sourcePath + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new IOException("cannot look at " + sourcePath + ": " + e.getMessage(), e);
    }
  }

  private String ownKey(String sourcePath) {
    String start = location.uri("");
    if (!Objects.requireNonNull(sourcePath).startsWith(start)) {
      throw new IllegalArgumentException(sourcePath + " is not in the watched " + location);
    }
    return sourcePath.substring(start.length());
  }
}
