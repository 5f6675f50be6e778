package nl.kamerstukken.parse.blob;

import nl.kamerstukken.kit.blob.BlobStoreUnavailableException;
import nl.kamerstukken.kit.blob.ClaimCheck;
import nl.kamerstukken.kit.blob.ClaimCheckReader;
import nl.kamerstukken.kit.blob.VerifiedBlob;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.ReasonCode;

/**
 * The bytes of a received document, as the parser may see them: only through the confined,
 * verifying {@link ClaimCheckReader} (inside the configured blob store, exactly the announced
 * SHA-256 and size), as a private copy the parse worker reads. A document announced larger than the
 * service parses is refused before anything is read ({@code TOO_LARGE}).
 *
 * <p>Every refusal is a {@link VerifiedBlob.Refused} (the document is dead-lettered); a blob store
 * that does not answer is a {@link BlobStoreUnavailableException} (the batch is retried).
 * Thread-safe.
 */
public final class BlobFetcher implements AutoCloseable {

  private final ClaimCheckReader reader;
  private final long maxFileSizeBytes;

  /**
   * @param maxFileSizeBytes larger documents are refused unread ({@code PARSE_MAX_FILE_SIZE})
   */
  public BlobFetcher(ClaimCheckReader reader, long maxFileSizeBytes) {
    this.reader = reader;
    this.maxFileSizeBytes = maxFileSizeBytes;
  }

  /** The verified bytes of {@code received}'s claim check, or why there are none. */
  public VerifiedBlob fetch(DocumentReceived received) throws BlobStoreUnavailableException {
    if (received.sizeBytes() > maxFileSizeBytes) {
      return new VerifiedBlob.Refused(
          ReasonCode.TOO_LARGE,
          received.fileName()
              + " is "
              + received.sizeBytes()
              + " bytes, more than the "
              + maxFileSizeBytes
              + " this service parses (PARSE_MAX_FILE_SIZE); split the document or raise the limit");
    }
    return reader.read(
        new ClaimCheck(
            received.documentId(),
            received.sha256(),
            received.sizeBytes(),
            received.blobUri(),
            received.fileName()));
  }

  @Override
  public void close() {
    reader.close();
  }
}
