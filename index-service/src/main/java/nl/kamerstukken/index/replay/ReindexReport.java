package nl.kamerstukken.index.replay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.index.elasticsearch.Analysis;
import nl.kamerstukken.index.elasticsearch.SearchIndex;

/**
 * What a rebuild did.
 *
 * @param previous the indices the aliases pointed at before (kept, to switch back by hand if
 *     needed)
 * @param current the indices they point at now
 * @param analysis the text analysis of the new indices
 * @param events parsed events read from the topic (documents and tombstones)
 * @param documents Kamerstukken in the new documents index
 * @param qa Q&A documents in the new Q&A index
 * @param deleted older versions removed (all below the previous one)
 * @param took how long it took
 */
public record ReindexReport(
    Map<SearchIndex, String> previous,
    Map<SearchIndex, String> current,
    Analysis analysis,
    long events,
    long documents,
    long qa,
    List<String> deleted,
    Duration took) {

  public ReindexReport {
    previous = Map.copyOf(previous);
    current = Map.copyOf(current);
    deleted = List.copyOf(deleted);
  }
}
