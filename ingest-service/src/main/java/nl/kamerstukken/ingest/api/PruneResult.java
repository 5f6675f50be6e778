package nl.kamerstukken.ingest.api;

import java.util.List;
import java.util.Objects;

/**
 * What {@code prune --source} removed (or, on a dry run, would remove).
 *
 * @param source the pruned source
 * @param files its paths, sorted
 * @param removed documents removed downstream (a tombstone each)
 * @param kept documents kept because another known source holds the same content
 * @param dryRun nothing was done
 */
public record PruneResult(
    SourceId source, List<String> files, int removed, int kept, boolean dryRun) {

  public PruneResult {
    Objects.requireNonNull(source, "source");
    files = List.copyOf(files);
  }
}
