package nl.kamerstukken.parse.blob;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import nl.kamerstukken.model.ReasonCode;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Makes a received document's blob readable as a local file: a {@code file:} URI is used where it
 * is, an {@code s3://bucket/key} URI is downloaded to a temp file (deleted when the {@link
 * BlobFile} is closed), so the parser (and a parse worker process) always reads a plain file.
 *
 * <p>Outcomes: a blob that is not there, or a URI this service cannot read, is {@link
 * BlobFile.Refused} (the document is dead-lettered); an S3 server that does not answer properly is
 * a {@link BlobUnavailableException} (the batch is retried). Thread-safe; the S3 client is made at
 * the first {@code s3:} URI.
 */
public final class BlobFetcher implements AutoCloseable {

  private final BlobSettings settings;
  private final Path tempDir;
  private S3Client s3;

  public BlobFetcher(BlobSettings settings, Path tempDir) {
    this(settings, tempDir, null);
  }

  /**
   * With a client of the caller's (tests give one with fixed credentials); closed by {@link
   * #close()}.
   */
  BlobFetcher(BlobSettings settings, Path tempDir, S3Client s3) {
    this.settings = settings;
    this.tempDir = tempDir;
    this.s3 = s3;
  }

  /** Downloads go to the JVM's temp folder. */
  public static BlobFetcher create(BlobSettings settings) {
    return new BlobFetcher(settings, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** {@code what} names the document in messages (its file name). */
  public BlobFile fetch(String blobUri, String what) throws BlobUnavailableException {
    URI uri;
    try {
      uri = URI.create(blobUri);
    } catch (IllegalArgumentException e) {
      return unsupported(blobUri, what);
    }
    if ("s3".equals(uri.getScheme()) && uri.getHost() != null && uri.getPath().length() > 1) {
      return download(uri.getHost(), uri.getPath().substring(1), blobUri, what);
    }
    if (!"file".equals(uri.getScheme())) {
      return unsupported(blobUri, what);
    }
    Path path;
    try {
      path = Path.of(uri);
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      return unsupported(blobUri, what);
    }
    if (!Files.isRegularFile(path)) {
      return new BlobFile.Refused(
          ReasonCode.BLOB_MISSING,
          "blob "
              + path
              + " of "
              + what
              + " does not exist: was the blob store removed? Drop the file again to re-ingest it.");
    }
    return new BlobFile.Local(path, false);
  }

  private BlobFile download(String bucket, String key, String blobUri, String what)
      throws BlobUnavailableException {
    Path temp = tempDir.resolve("kamerstukken-blob-" + UUID.randomUUID() + ".tmp");
    try {
      client().getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toFile(temp));
      return new BlobFile.Local(temp, true);
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      deleteQuietly(temp);
      return missing(blobUri, what);
    } catch (S3Exception e) {
      deleteQuietly(temp);
      if (e.statusCode() == 404) {
        return missing(blobUri, what);
      }
      throw new BlobUnavailableException(
          "cannot read blob " + blobUri + " (HTTP " + e.statusCode() + "): " + e.getMessage(), e);
    } catch (SdkException e) {
      deleteQuietly(temp);
      throw new BlobUnavailableException("cannot read blob " + blobUri + ": " + e.getMessage(), e);
    }
  }

  private static BlobFile missing(String blobUri, String what) {
    return new BlobFile.Refused(
        ReasonCode.BLOB_MISSING,
        "blob "
            + blobUri
            + " of "
            + what
            + " does not exist in the blob bucket: was it emptied? Put the file in the inbox again to re-ingest it.");
  }

  private static BlobFile unsupported(String blobUri, String what) {
    return new BlobFile.Refused(
        ReasonCode.BLOB_OUTSIDE_STORE,
        "blob "
            + blobUri
            + " of "
            + what
            + " is neither a file: nor an s3:// URI; this service cannot read it");
  }

  private synchronized S3Client client() {
    if (s3 == null) {
      S3ClientBuilder builder =
          S3Client.builder()
              .httpClient(UrlConnectionHttpClient.create())
              .region(Region.of(settings.region()))
              .credentialsProvider(DefaultCredentialsProvider.builder().build())
              .forcePathStyle(settings.pathStyle());
      if (settings.endpoint() != null) {
        // Servers other than AWS (MinIO, S3Proxy) may not know the newer flexible checksums.
        builder
            .endpointOverride(settings.endpoint())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
      }
      s3 = builder.build();
    }
    return s3;
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // a stray temp file in the temp folder; nothing else depends on it
    }
  }

  @Override
  public synchronized void close() {
    if (s3 != null) {
      s3.close();
    }
  }
}
