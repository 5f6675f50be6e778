package nl.kamerstukken.kit.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import nl.kamerstukken.kit.s3.S3Clients;
import nl.kamerstukken.kit.s3.S3Connection;
import nl.kamerstukken.model.ReasonCode;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads the bytes behind a claim check, trusting nothing the event says: the blob URI is opened
 * only when it lies inside the configured {@link BlobLocation} (a {@code file:} URI after
 * normalising and following links, an {@code s3://} URI only in the configured bucket and prefix);
 * the bytes are hashed and counted while they are copied, and handed out only when they are the
 * announced {@code sha256} (which must also be the {@code documentId}) and {@code sizeBytes}.
 *
 * <p>The result is a private copy in a temp folder, so what is used is what was verified: a file in
 * the store that changes, or a link in it that is swapped, after the check cannot change it. A file
 * is opened without following a final link, and where it leads is checked again after the copy.
 *
 * <p>Outcomes: outside the store, {@code BLOB_OUTSIDE_STORE} (never opened); other bytes than
 * announced, {@code BLOB_HASH_MISMATCH}; not there (or unreadable for lack of permission), {@code
 * BLOB_MISSING}; a store that does not answer properly, {@link BlobStoreUnavailableException} (try
 * again later). Thread-safe; the S3 client is made at the first {@code s3:} claim check.
 */
public final class ClaimCheckReader implements AutoCloseable {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final BlobLocation location;
  private final Path tempDir;
  private final Supplier<S3Client> clients;
  private S3Client s3;

  /**
   * @param tempDir where verified copies go (only this service's user can write them)
   * @param clients makes the S3 client when the first {@code s3:} claim check comes
   */
  public ClaimCheckReader(BlobLocation location, Path tempDir, Supplier<S3Client> clients) {
    this.location = location;
    this.tempDir = tempDir;
    this.clients = clients;
  }

  /** A reader of {@code location} (S3 through {@code s3}) with copies in the JVM's temp folder. */
  public static ClaimCheckReader create(BlobLocation location, S3Connection s3) {
    return new ClaimCheckReader(
        location, Path.of(System.getProperty("java.io.tmpdir")), () -> S3Clients.create(s3));
  }

  public BlobLocation location() {
    return location;
  }

  /** The verified bytes of {@code claim}, or why there are none. Close the result when done. */
  public VerifiedBlob read(ClaimCheck claim) throws BlobStoreUnavailableException {
    BlobLocation.Target target = location.locate(claim.blobUri());
    if (target instanceof BlobLocation.Outside outside) {
      return new VerifiedBlob.Refused(
          ReasonCode.BLOB_OUTSIDE_STORE,
          "blob of "
              + claim.name()
              + " is outside the "
              + location.describe()
              + ", so it was not opened: "
              + outside.why()
              + ". Only ingest-service writes claim checks; find out who published this event.");
    }
    if (claim.sha256() == null
        || !SHA256.matcher(claim.sha256()).matches()
        || !claim.sha256().equals(claim.documentId())
        || claim.sizeBytes() < 0) {
      return mismatch(
          claim,
          "the event's documentId ["
              + claim.documentId()
              + "] is not its sha256 ["
              + claim.sha256()
              + "], or its size "
              + claim.sizeBytes()
              + " is negative");
    }
    if (target instanceof BlobLocation.InFolder file) {
      return readFile(file, claim);
    }
    return readObject((BlobLocation.InBucket) target, claim);
  }

  private VerifiedBlob readFile(BlobLocation.InFolder file, ClaimCheck claim)
      throws BlobStoreUnavailableException {
    if (!file.exists()) {
      return missing(claim, "was the blob store removed? Drop the file again to re-ingest it.");
    }
    Path copy = newCopy();
    boolean keep = false;
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(file.file(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile()) {
        return new VerifiedBlob.Refused(
            ReasonCode.BLOB_OUTSIDE_STORE,
            "blob " + claim.blobUri() + " of " + claim.name() + " is not a file; it was not read");
      }
      HashingCopy.Copied copied;
      try (FileChannel channel =
              FileChannel.open(file.file(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
          InputStream in = Channels.newInputStream(channel)) {
        copied = HashingCopy.copy(in, copy, claim.sizeBytes());
      }
      BlobLocation.Target again = location.locate(claim.blobUri());
      if (!(again instanceof BlobLocation.InFolder same && same.file().equals(file.file()))) {
        return new VerifiedBlob.Refused(
            ReasonCode.BLOB_OUTSIDE_STORE,
            "blob " + claim.blobUri() + " of " + claim.name() + " moved while it was read");
      }
      VerifiedBlob result = verify(copy, copied, claim);
      keep = result instanceof VerifiedBlob.Verified;
      return result;
    } catch (NoSuchFileException e) {
      return missing(claim, "it disappeared while it was read; drop the file again.");
    } catch (AccessDeniedException e) {
      return missing(
          claim,
          "this service may not read it (permission denied): give it read access to the blob"
              + " store, then re-drive the dead letter.");
    } catch (IOException e) {
      if (Files.isSymbolicLink(file.file())) {
        return new VerifiedBlob.Refused(
            ReasonCode.BLOB_OUTSIDE_STORE,
            "blob " + claim.blobUri() + " of " + claim.name() + " became a link while it was read");
      }
      throw new BlobStoreUnavailableException(
          "cannot read blob " + claim.blobUri() + ": " + e.getMessage(), e);
    } finally {
      if (!keep) {
        deleteQuietly(copy);
      }
    }
  }

  private VerifiedBlob readObject(BlobLocation.InBucket object, ClaimCheck claim)
      throws BlobStoreUnavailableException {
    Path copy = newCopy();
    boolean keep = false;
    try (ResponseInputStream<GetObjectResponse> in =
        client().getObject(b -> b.bucket(object.bucket()).key(object.key()))) {
      HashingCopy.Copied copied = HashingCopy.copy(in, copy, claim.sizeBytes());
      if (copied.tooLong()) {
        in.abort();
      }
      VerifiedBlob result = verify(copy, copied, claim);
      keep = result instanceof VerifiedBlob.Verified;
      return result;
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      return missing(claim, "was the blob bucket emptied? Put the file in the inbox again.");
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return missing(claim, "was the blob bucket emptied? Put the file in the inbox again.");
      }
      throw new BlobStoreUnavailableException(
          "cannot read blob "
              + claim.blobUri()
              + " (HTTP "
              + e.statusCode()
              + "): "
              + e.getMessage(),
          e);
    } catch (SdkException | IOException e) {
      throw new BlobStoreUnavailableException(
          "cannot read blob " + claim.blobUri() + ": " + e.getMessage(), e);
    } finally {
      if (!keep) {
        deleteQuietly(copy);
      }
    }
  }

  private static VerifiedBlob verify(Path copy, HashingCopy.Copied copied, ClaimCheck claim) {
    if (copied.tooLong() || copied.size() != claim.sizeBytes()) {
      return mismatch(
          claim,
          "it has "
              + (copied.tooLong() ? "more than " + claim.sizeBytes() : copied.size())
              + " bytes, the event announced "
              + claim.sizeBytes());
    }
    if (!copied.sha256().equals(claim.sha256())) {
      return mismatch(
          claim, "its SHA-256 is " + copied.sha256() + ", the event announced " + claim.sha256());
    }
    return new VerifiedBlob.Verified(copy, copied.size());
  }

  private static VerifiedBlob mismatch(ClaimCheck claim, String what) {
    return new VerifiedBlob.Refused(
        ReasonCode.BLOB_HASH_MISMATCH,
        "blob "
            + claim.blobUri()
            + " of "
            + claim.name()
            + " is not what the event announced: "
            + what
            + ". Its bytes were not used.");
  }

  private VerifiedBlob missing(ClaimCheck claim, String what) {
    return new VerifiedBlob.Refused(
        ReasonCode.BLOB_MISSING,
        "blob "
            + claim.blobUri()
            + " of "
            + claim.name()
            + " is not readable in the "
            + location.describe()
            + ": "
            + what);
  }

  private Path newCopy() throws BlobStoreUnavailableException {
    try {
      // Created rw------- on POSIX systems: only this service's user can change the copy.
      return Files.createTempFile(tempDir, "kamerstukken-blob-", ".tmp");
    } catch (IOException e) {
      throw new BlobStoreUnavailableException(
          "cannot make a temp file in " + tempDir + " for a verified copy: " + e.getMessage(), e);
    }
  }

  private synchronized S3Client client() {
    if (s3 == null) {
      s3 = clients.get();
    }
    return s3;
  }

  private static void deleteQuietly(Path copy) {
    try {
      Files.deleteIfExists(copy);
    } catch (IOException e) {
      // a stray temp file in the temp folder; nothing depends on it
    }
  }

  @Override
  public synchronized void close() {
    if (s3 != null) {
      s3.close();
    }
  }
}
