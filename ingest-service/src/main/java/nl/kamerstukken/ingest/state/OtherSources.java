package nl.kamerstukken.ingest.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.kamerstukken.ingest.api.SourceId;
import nl.kamerstukken.ingest.publish.Ledger;

/**
 * Whether another source of the same state holds a content, as their ledgers were when this one
 * started: those sources are not watched meanwhile, so their ledgers only shrink, by a {@code
 * prune} that removes the source's folder. A source whose folder is gone holds nothing any more.
 */
public final class OtherSources implements Predicate<String> {

  private final List<Map.Entry<Path, Ledger.Snapshot>> others;

  private OtherSources(List<Map.Entry<Path, Ledger.Snapshot>> others) {
    this.others = List.copyOf(others);
  }

  /** The sources of {@code states} other than {@code current}, read now. */
  public static OtherSources of(SourceStates states, SourceId current) throws IOException {
    return new OtherSources(states.snapshotsBut(current));
  }

  @Override
  public boolean test(String sha256) {
    for (Map.Entry<Path, Ledger.Snapshot> other : others) {
      if (other.getValue().has(sha256) && Ledger.existsIn(other.getKey())) {
        return true;
      }
    }
    return false;
  }

  /** How many other sources there are. */
  public int count() {
    return others.size();
  }
}
