package nl.kamerstukken.ingest.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Content-addressed storage for the bytes of dropped files (the claim check behind {@code
 * DocumentReceived.blobUri}). Content is stored once under its SHA-256; storing the same bytes
 * again returns the same blob. Implementations: {@link FolderBlobStore} now, an S3 store later.
 *
 * <p>Contract: when {@link #put} returns, the blob is durable and readable by other processes
 * through its {@link StoredBlob#uri()}; a failed or interrupted put leaves no partial blob behind.
 */
public interface BlobStore {

  /** Reads {@code content} to its end (streaming, never whole in memory) and stores it. */
  StoredBlob put(InputStream content) throws IOException;

  /** Opens a blob this store returned; the caller closes the stream. */
  InputStream open(URI uri) throws IOException;

  /** Whether content with this lower-case hex SHA-256 is stored. */
  boolean exists(String sha256) throws IOException;
}
