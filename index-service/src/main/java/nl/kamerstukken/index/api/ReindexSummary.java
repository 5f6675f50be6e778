package nl.kamerstukken.index.api;

import java.time.Duration;
import java.util.List;

/**
 * What a rebuild of the indices did.
 *
 * @param previous the indices the aliases pointed at before (kept, to switch back by hand)
 * @param documentsIndex the index behind the Kamerstukken alias now
 * @param qaIndex the index behind the Q&A alias now
 * @param analysis the text analysis of the new indices ({@code DUTCH}, {@code HUNSPELL}, {@code
 *     FALLBACK})
 * @param events events read from the topics
 * @param documents Kamerstukken in the new documents index
 * @param qa Q&A documents in the new Q&A index
 * @param deleted older versions removed
 * @param took how long it took
 */
public record ReindexSummary(
    List<String> previous,
    String documentsIndex,
    String qaIndex,
    String analysis,
    long events,
    long documents,
    long qa,
    List<String> deleted,
    Duration took) {

  public ReindexSummary {
    previous = List.copyOf(previous);
    deleted = List.copyOf(deleted);
  }
}
