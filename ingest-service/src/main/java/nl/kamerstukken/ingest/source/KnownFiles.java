package nl.kamerstukken.ingest.source;

import java.util.Collection;
import java.util.Optional;

/**
 * What was already ingested, by path (the ingest ledger). The source offers a file only when it is
 * not known with the same stamp, and reports a known path once no file is there any more.
 */
public interface KnownFiles {

  /** The stamp recorded for {@code sourcePath}, if it was ingested. */
  Optional<FileStamp> stamp(String sourcePath);

  /**
   * Every known path equal to {@code sourcePath} or below it ({@code sourcePath + "/..."}); "" =
   * all.
   */
  Collection<String> pathsAt(String sourcePath);
}
