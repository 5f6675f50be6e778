package nl.kamerstukken.ingest.api;

import java.util.Objects;

/**
 * A source the ingest state remembers, as {@code up}, {@code status} and {@code prune} show it.
 *
 * @param source which folder, bucket or feed
 * @param files how many of its paths the ledger holds
 * @param documents how many distinct contents it announced (documents downstream)
 * @param watched whether a running ingest-service holds its ledger now
 */
public record KnownSource(SourceId source, int files, int documents, boolean watched) {

  public KnownSource {
    Objects.requireNonNull(source, "source");
  }

  /** The command that removes this source's documents. */
  public String pruneCommand() {
    return "./kamerstukken prune --source " + source.id();
  }
}
