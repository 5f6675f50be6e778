package nl.kamerstukken.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads the items a source offered: their bytes, and whether they are still what was offered. */
public interface SourceReader {

  /**
   * Opens an item this source offered. Problems of the item itself (vanished, unreadable, outside
   * the inbox) are {@link SourceFileException}s with the reason for its dead letter; other failures
   * are the source's and are tried again.
   */
  InputStream open(SourceItem item) throws IOException;

  /** The stamp of what is at {@code sourcePath} now; empty when nothing is there. */
  Optional<FileStamp> stampNow(String sourcePath) throws IOException;
}
