package nl.kamerstukken.ingest.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import nl.kamerstukken.ingest.config.BucketLocation;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A {@link BlobStore} in an S3 bucket (or a folder of one): key {@code <prefix><aa>/<bb>/<sha256>},
 * URI {@code s3://bucket/<key>}, so parse-service instances on other machines read the same blobs.
 * The hash is only known after reading, so the bytes are staged in a local temp file while they are
 * hashed, then uploaded unless the bucket has them already. An upload is atomic (S3 shows an object
 * only when it is complete) and durable when it returns.
 *
 * <p>S3 failures are {@link IOException}s (the caller tries again later); a blob that is not there
 * is a {@link java.nio.file.NoSuchFileException}; a full bucket (507, {@code XMinioStorageFull}) or
 * staging folder is a {@link StorageFullException}.
 */
public final class S3BlobStore implements BlobStore {

  private static final HexFormat HEX = HexFormat.of();

  private final S3Client s3;
  private final BucketLocation location;
  private final Path staging;

  private S3BlobStore(S3Client s3, BucketLocation location, Path staging) {
    this.s3 = s3;
    this.location = location;
    this.staging = staging;
  }

  /**
   * A store in {@code location}; bytes are staged in {@code staging} (created; leftovers removed).
   */
  public static S3BlobStore create(S3Client s3, BucketLocation location, Path staging)
      throws IOException {
    Files.createDirectories(staging);
    try (var leftovers = Files.newDirectoryStream(staging, "put-*.tmp")) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    }
    return new S3BlobStore(s3, location, staging);
  }

  @Override
  public StoredBlob put(InputStream content) throws IOException {
    Path temp = staging.resolve("put-" + UUID.randomUUID() + ".tmp");
    try {
      MessageDigest digest = sha256();
      long size;
      try (InputStream in = new DigestInputStream(content, digest)) {
        size = Files.copy(in, temp);
      } catch (IOException e) {
        throw StorageFullException.inFolder(staging, e).map(IOException.class::cast).orElse(e);
      }
      String sha = HEX.formatHex(digest.digest());
      String key = keyFor(sha);
      if (!exists(sha)) {
        try {
          long length = size;
          s3.putObject(
              b -> b.bucket(location.bucket()).key(key).contentLength(length),
              RequestBody.fromFile(temp));
        } catch (SdkException e) {
          if (StorageFullException.isNoSpace(e)) {
            throw StorageFullException.inBucket(location.uri(key), e);
          }
          throw new IOException(
              "cannot store blob " + location.uri(key) + ": " + e.getMessage(), e);
        }
      }
      return new StoredBlob(sha, size, URI.create(location.uri(key)));
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public InputStream open(URI uri) throws IOException {
    String key = ownKey(uri);
    try {
      return new Aborting(s3.getObject(b -> b.bucket(location.bucket()).key(key)));
    } catch (NoSuchKeyException e) {
      throw new java.nio.file.NoSuchFileException(uri.toString());
    } catch (SdkException e) {
      throw new IOException("cannot read blob " + uri + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean exists(String sha256) throws IOException {
    String key = keyFor(sha256);
    try {
      s3.headObject(b -> b.bucket(location.bucket()).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw new IOException("cannot look up blob " + location.uri(key) + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new IOException("cannot look up blob " + location.uri(key) + ": " + e.getMessage(), e);
    }
  }

  /** Where content with this hash is (or would be) stored. */
  public String keyFor(String sha256) {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
    }
    return location.prefix() + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
  }

  private String ownKey(URI uri) {
    String expected = "s3://" + location.bucket() + "/" + location.prefix();
    if (!uri.toString().startsWith(expected)) {
      throw new IllegalArgumentException("blob " + uri + " is not in the blob store " + location);
    }
    return uri.toString().substring(("s3://" + location.bucket() + "/").length());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * Closing before the end aborts the download instead of reading the rest (media type detection
   * reads a few KB).
   */
  private static final class Aborting extends FilterInputStream {

    private final ResponseInputStream<GetObjectResponse> response;
    private boolean ended;

    Aborting(ResponseInputStream<GetObjectResponse> response) {
      super(response);
      this.response = response;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      ended |= b == -1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      ended |= n == -1;
      return n;
    }

    @Override
    public void close() throws IOException {
      if (!ended) {
        response.abort();
      }
      super.close();
    }
  }
}
