package nl.kamerstukken.ingest.source;

import java.nio.file.Path;

/**
 * A regular file in the inbox (or a symbolic link to one inside the inbox).
 *
 * @param sourcePath the path relative to the inbox, separated by {@code /}
 * @param path the absolute path as found (for a link: the link itself)
 * @param stamp its size and modification time when seen
 */
public record InboxFile(String sourcePath, Path path, FileStamp stamp)
    implements Entry, SourceItem {

  /** The last part of {@link #sourcePath()}. */
  @Override
  public String fileName() {
    return sourcePath.substring(sourcePath.lastIndexOf('/') + 1);
  }
}
