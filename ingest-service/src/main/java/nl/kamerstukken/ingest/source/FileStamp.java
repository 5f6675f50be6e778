package nl.kamerstukken.ingest.source;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a file looked like when it was seen: equal stamps mean "not changed" (a change of content
 * that keeps both the size and the modification time to the millisecond is not noticed).
 *
 * @param size number of bytes
 * @param mtimeMillis last modification time, milliseconds since the epoch
 */
public record FileStamp(long size, long mtimeMillis) {

  static FileStamp of(BasicFileAttributes attributes) {
    return new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis());
  }
}
