package nl.kamerstukken.cli.sources;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import nl.kamerstukken.ingest.api.IngestSources;
import nl.kamerstukken.ingest.api.KnownSource;
import nl.kamerstukken.ingest.api.SourceId;

/** The sources ingest remembers, as {@code up} and {@code status} print them. */
public final class KnownSourcesReport {

  private KnownSourcesReport() {}

  /** Where {@code up} keeps ingest's state in its data folder. */
  public static Path stateDir(Path dataDir) {
    return dataDir.resolve("ingest-state");
  }

  /**
   * After {@code up} started on {@code watched}: the known sources it is not watching, whose
   * documents stay searchable, each with the command that removes them. Nothing when there are
   * none.
   */
  public static void printNotWatched(PrintWriter out, Path dataDir, SourceId watched) {
    List<KnownSource> others;
    try {
      others = IngestSources.notWatching(stateDir(dataDir), watched);
    } catch (IOException e) {
      out.printf("  (cannot read the sources of %s: %s)%n", stateDir(dataDir), e.getMessage());
      return;
    }
    if (others.isEmpty()) {
      return;
    }
    out.printf("%nKnown sources not watched now (their documents stay searchable):%n");
    for (KnownSource known : others) {
      out.printf(
          "  %-32s %s: %d file(s), %d document(s); remove them: %s%n",
          known.source().id(),
          known.source().describe(),
          known.files(),
          known.documents(),
          known.pruneCommand());
    }
  }

  /** Every known source, watched or not (for {@code status}); nothing when there are none. */
  public static void printAll(PrintWriter out, Path dataDir) {
    List<KnownSource> known;
    try {
      known = IngestSources.known(stateDir(dataDir));
    } catch (IOException e) {
      out.printf("%nSources: cannot read %s: %s%n", stateDir(dataDir), e.getMessage());
      return;
    }
    if (known.isEmpty()) {
      return;
    }
    out.printf("%nSources known to ingest (%s):%n", stateDir(dataDir).toAbsolutePath());
    for (KnownSource source : known) {
      out.printf(
          "  %-32s %-8s %s: %d file(s), %d document(s)%s%n",
          source.source().id(),
          source.watched() ? "watched" : "-",
          source.source().describe(),
          source.files(),
          source.documents(),
          source.watched() ? "" : "; remove them: " + source.pruneCommand());
    }
  }
}
