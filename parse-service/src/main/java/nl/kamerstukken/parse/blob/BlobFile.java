package nl.kamerstukken.parse.blob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.kamerstukken.model.ReasonCode;

/**
 * What fetching a blob gave: a local file to parse, or the reason it will never be readable (a dead
 * letter). Close a {@link Local} when done: a downloaded copy is deleted then.
 */
public sealed interface BlobFile extends AutoCloseable {

  @Override
  void close() throws IOException;

  /**
   * The blob as a file on this machine; {@code temporary} = a downloaded copy, deleted by {@link
   * #close()}.
   */
  record Local(Path path, boolean temporary) implements BlobFile {

    @Override
    public void close() throws IOException {
      if (temporary) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** For good: {@code BLOB_MISSING} or {@code BLOB_OUTSIDE_STORE}, with what to do. */
  record Refused(ReasonCode reasonCode, String message) implements BlobFile {

    @Override
    public void close() {
      // nothing was fetched
    }
  }
}
