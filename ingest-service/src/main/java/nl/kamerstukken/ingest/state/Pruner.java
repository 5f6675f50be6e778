package nl.kamerstukken.ingest.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.kamerstukken.ingest.api.PruneResult;
import nl.kamerstukken.ingest.api.SourceId;
import nl.kamerstukken.ingest.publish.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Removes a source's documents on request: a tombstone for every content its ledger announced
 * (unless another known source holds the same content: that document stays), each recorded in the
 * ledger once acknowledged, so an interrupted prune goes on where it stopped; then the source's
 * folder is deleted and the source forgotten.
 */
public final class Pruner {

  private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);

  /** Publishes the tombstone of one content and returns once Kafka acknowledged it. */
  @FunctionalInterface
  public interface Tombstones {
    void publish(String sha256) throws Exception;
  }

  private final SourceStates states;

  public Pruner(SourceStates states) {
    this.states = states;
  }

  /**
   * @throws IllegalArgumentException when the state knows no source by {@code words}
   * @throws IllegalStateException when a running ingest-service watches that source
   */
  public PruneResult prune(String words, Tombstones tombstones, boolean dryRun) throws Exception {
    Map.Entry<SourceId, Path> found =
        states.find(words).orElseThrow(() -> new IllegalArgumentException(unknown(words)));
    SourceId source = found.getKey();
    Path dir = found.getValue();
    if (SourceStates.locked(dir)) {
      throw new IllegalStateException(
          source.describe()
              + " is being watched by a running ingest-service: stop it (or start up on another"
              + " source) first; to remove single documents, delete their files from it instead");
    }
    List<Map.Entry<Path, Ledger.Snapshot>> others = states.snapshotsBut(source);
    if (dryRun) {
      Ledger.Snapshot snapshot = Ledger.read(dir);
      TreeSet<String> contents = new TreeSet<>(snapshot.announced());
      contents.addAll(snapshot.held());
      int kept = (int) contents.stream().filter(sha -> heldBy(others, sha)).count();
      return new PruneResult(source, snapshot.paths(), contents.size() - kept, kept, true);
    }
    List<String> files;
    int removed = 0;
    int kept = 0;
    try (Ledger ledger = Ledger.open(dir)) {
      files = List.copyOf(ledger.pathsAt(""));
      TreeMap<String, List<String>> contents = new TreeMap<>();
      ledger.announcedContents().forEach(sha -> contents.put(sha, new ArrayList<>()));
      for (String path : files) {
        ledger
            .holding(path)
            .ifPresent(h -> contents.computeIfAbsent(h.sha256(), k -> new ArrayList<>()).add(path));
      }
      for (Map.Entry<String, List<String>> content : contents.entrySet()) {
        String sha = content.getKey();
        MDC.put("documentId", sha);
        try {
          if (heldBy(others, sha)) {
            kept++;
          } else {
            tombstones.publish(sha);
            removed++;
          }
          ledger.retracted(sha, null);
          for (String path : content.getValue()) {
            ledger.dropped(path);
          }
        } finally {
          MDC.remove("documentId");
        }
      }
    }
    SourceStates.delete(dir);
    LOG.info(
        "pruned [{}] ({}): [{}] file(s), [{}] document(s) removed, [{}] kept (held by another"
            + " source)",
        source.id(),
        source.describe(),
        files.size(),
        removed,
        kept);
    return new PruneResult(source, files, removed, kept, false);
  }

  private static boolean heldBy(List<Map.Entry<Path, Ledger.Snapshot>> others, String sha) {
    return others.stream().anyMatch(o -> o.getValue().has(sha));
  }

  private String unknown(String words) {
    StringBuilder text =
        new StringBuilder("the ingest state knows no source named " + words + "; known:");
    try {
      List<Map.Entry<SourceId, Path>> dirs = states.dirs();
      if (dirs.isEmpty()) {
        text.append(" none");
      }
      dirs.forEach(e -> text.append(' ').append(e.getKey().id()));
    } catch (IOException e) {
      text.append(" (cannot list them: ").append(e.getMessage()).append(')');
    }
    return text.toString();
  }
}
