package nl.kamerstukken.ingest.source;

import java.io.IOException;
import nl.kamerstukken.model.ReasonCode;

/**
 * A file in the inbox cannot be read (as opposed to the blob store failing): the file is
 * dead-lettered with {@link #reasonCode()} and the service goes on.
 */
public final class SourceFileException extends IOException {

  private final ReasonCode reasonCode;

  public SourceFileException(ReasonCode reasonCode, String message, Throwable cause) {
    super(message, cause);
    this.reasonCode = reasonCode;
  }

  public ReasonCode reasonCode() {
    return reasonCode;
  }
}
