package nl.kamerstukken.ingest.source;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a file (or an object in a bucket) looked like when it was seen: equal stamps mean "not
 * changed". For a file, a change of content that keeps both the size and the modification time to
 * the millisecond is not noticed. For an object, the ETag tells versions apart (the listing's time
 * has only whole seconds).
 *
 * @param size number of bytes
 * @param mtimeMillis last modification time, milliseconds since the epoch
 * @param etag the object's ETag (without quotes); null for files
 */
public record FileStamp(long size, long mtimeMillis, String etag) {

  /** The stamp of a file. */
  public FileStamp(long size, long mtimeMillis) {
    this(size, mtimeMillis, null);
  }

  static FileStamp of(BasicFileAttributes attributes) {
    return new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis());
  }
}
