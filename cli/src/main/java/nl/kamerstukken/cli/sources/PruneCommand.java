package nl.kamerstukken.cli.sources;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.kamerstukken.cli.search.Connection;
import nl.kamerstukken.ingest.api.IngestSources;
import nl.kamerstukken.ingest.api.PruneResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kamerstukken prune --source X [--dry-run]}: removes the documents of one source (a
 * folder or bucket watched before) from the pipeline, by a tombstone per document on the received
 * topic, then forgets the source. Exit code 0 done, 1 Kafka did not acknowledge (what was done is
 * kept: run it again), 2 no such source or it is being watched.
 */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "Remove the documents of a source (a folder or bucket watched before) and forget it.",
      "Run it while ./kamerstukken up runs (the tombstones go through Kafka); `up` and `status` list"
          + " the known sources.",
      "Exit code: 0 done, 1 Kafka did not acknowledge (run it again: it goes on), 2 no such source,"
          + " or it is being watched."
    })
public final class PruneCommand implements Callable<Integer> {

  @Option(
      names = "--source",
      required = true,
      paramLabel = "SOURCE",
      description = "The folder, the s3://bucket/prefix, or the id as up and status show it.")
  String source;

  @Option(names = "--dry-run", description = "Only list what would be removed, with counts.")
  boolean dryRun;

  @Option(
      names = "--data-dir",
      defaultValue = ".kamerstukken",
      description = "Data folder of ./kamerstukken up (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "ingest-service's INGEST_STATE_DIR (default: <data-dir>/ingest-state).")
  Path stateDir;

  @Mixin Connection connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path state = stateDir != null ? stateDir : KnownSourcesReport.stateDir(dataDir);
    PruneResult result;
    try {
      result =
          dryRun
              ? IngestSources.dryRun(state, source)
              : IngestSources.prune(state, source, connection.open().kafka());
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("kamerstukken: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println(
          "kamerstukken: prune stopped: "
              + e.getMessage()
              + ". Is ./kamerstukken up running (or --kafka right)? What was acknowledged is"
              + " recorded; run the same prune again to go on.");
      return 1;
    }
    if (dryRun) {
      result.files().forEach(file -> out.println("  " + file));
    }
    out.printf(
        "%s %s: %d file(s), %d document(s) %s, %d kept (another known source holds the same"
            + " content)%n",
        dryRun ? "would prune" : "pruned",
        result.source().describe(),
        result.files().size(),
        result.removed(),
        dryRun ? "would be removed" : "removed",
        result.kept());
    out.flush();
    return 0;
  }
}
