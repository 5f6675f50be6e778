package nl.kamerstukken.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Published on {@link Topics#RECEIVED} when ingest has stored a new file's bytes in the blob store.
 *
 * <p>Claim check: the bytes stay in the blob store at {@code blobUri}; the event only points at
 * them. {@code documentId} is the SHA-256 of the content, so the same content dropped twice is one
 * document, and every event of one document carries the same Kafka key.
 *
 * @param documentId stable id of the content: equal to {@code sha256}
 * @param sourcePath where the file was found, relative to the watched folder (or {@code
 *     s3://bucket/key})
 * @param fileName the file's name as dropped
 * @param mediaType media type detected from name and content, e.g. {@code application/pdf}
 * @param sizeBytes size of the content
 * @param sha256 lower-case hex SHA-256 of the content
 * @param blobUri where the bytes are stored, e.g. {@code file:///.../blobs/ab/cd/abcd...}
 * @param receivedAt when ingest first saw this content
 */
public record DocumentReceived(
    String documentId,
    String sourcePath,
    String fileName,
    String mediaType,
    long sizeBytes,
    String sha256,
    String blobUri,
    Instant receivedAt) {

  public DocumentReceived {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(blobUri, "blobUri");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
    }
  }
}
