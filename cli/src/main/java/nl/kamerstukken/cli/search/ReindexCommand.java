package nl.kamerstukken.cli.search;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.index.api.ReindexSummary;
import nl.kamerstukken.kit.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Rebuilds the search indices from the parsed topic and switches the aliases; searches keep
 * working.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Build a new index version from the parsed topic (from the beginning), then switch the "
          + "aliases to it. Searches and a running index-service go on meanwhile.",
      "The previous version is kept (switch back by hand if needed); older ones are deleted."
    })
public final class ReindexCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    IndexClient index;
    try {
      index = connection.open();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("reindex: " + e.getMessage());
      return 2;
    }
    try (index) {
      ReindexSummary report =
          index.reindex(
              line -> {
                out.println("reindex: " + line);
                out.flush();
              });
      out.printf(
          "reindex: done in %.1f s: %d parsed event(s) read; %s now holds %d Kamerstuk(ken), %s %d "
              + "Q&A document(s); analysis %s%n",
          report.took().toMillis() / 1000.0,
          report.events(),
          report.documentsIndex(),
          report.documents(),
          report.qaIndex(),
          report.qa(),
          report.analysis());
      out.printf(
          "reindex: kept the previous version %s%s%n",
          report.previous(), report.deleted().isEmpty() ? "" : "; deleted " + report.deleted());
      out.flush();
      return 0;
    }
  }
}
