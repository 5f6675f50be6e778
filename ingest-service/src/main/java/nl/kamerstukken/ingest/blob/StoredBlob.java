package nl.kamerstukken.ingest.blob;

import java.net.URI;
import java.util.Objects;

/**
 * Content that is stored.
 *
 * @param sha256 lower-case hex SHA-256 of the content: the document id
 * @param size number of bytes
 * @param uri where the bytes can be read, e.g. {@code file:///var/kamerstukken/blobs/ab/cd/abcd...}
 */
public record StoredBlob(String sha256, long size, URI uri) {

  public StoredBlob {
    Objects.requireNonNull(uri, "uri");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was " + sha256);
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
  }
}
