package nl.kamerstukken.ingest.source;

/**
 * Something a source offers to be ingested: a file in the inbox folder or an object in the inbox
 * bucket. Its {@link #sourcePath()} is its name in the ledger and in {@code
 * DocumentReceived.sourcePath}.
 */
public interface SourceItem {

  /**
   * Path relative to the inbox folder ({@code 2026/kst-1.pdf}), or {@code s3://bucket/key} for an
   * object.
   */
  String sourcePath();

  /** What it looked like when it was offered. */
  FileStamp stamp();

  /** The last part of {@link #sourcePath()}. */
  default String fileName() {
    return sourcePath().substring(sourcePath().lastIndexOf('/') + 1);
  }
}
