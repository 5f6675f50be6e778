package nl.kamerstukken.ingest.source;

import java.io.IOException;

/**
 * A file in the inbox cannot be read (as opposed to the blob store failing): the file is
 * dead-lettered with {@link #reasonCode()} and the service goes on.
 */
public final class SourceFileException extends IOException {

  public static final String OUTSIDE_WATCHED_FOLDER = "OUTSIDE_WATCHED_FOLDER";
  public static final String FILE_VANISHED = "FILE_VANISHED";
  public static final String UNREADABLE_FILE = "UNREADABLE_FILE";

  private final String reasonCode;

  public SourceFileException(String reasonCode, String message, Throwable cause) {
    super(message, cause);
    this.reasonCode = reasonCode;
  }

  public String reasonCode() {
    return reasonCode;
  }
}
