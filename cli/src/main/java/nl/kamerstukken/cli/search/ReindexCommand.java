package nl.kamerstukken.cli.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nl.kamerstukken.index.config.IndexConfig;
import nl.kamerstukken.index.elasticsearch.ElasticsearchClients;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.index.replay.ReindexReport;
import nl.kamerstukken.index.replay.Reindexer;
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
    IndexConfig config;
    try {
      config = connection.config();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("reindex: " + e.getMessage());
      return 2;
    }
    try (ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch())) {
      ReindexReport report =
          Reindexer.create(
                  client, new IndexNames(config.aliasPrefix()), config.kafka(), config.bulk())
              .run(
                  line -> {
                    out.println("reindex: " + line);
                    out.flush();
                  });
      out.printf(
          "reindex: done in %.1f s: %d parsed event(s) read; %s now holds %d Kamerstuk(ken), %s %d "
              + "Q&A document(s); analysis %s%n",
          report.took().toMillis() / 1000.0,
          report.events(),
          report.current().get(SearchIndex.DOCUMENTS),
          report.documents(),
          report.current().get(SearchIndex.QA),
          report.qa(),
          report.analysis());
      out.printf(
          "reindex: kept the previous version %s%s%n",
          report.previous().values(),
          report.deleted().isEmpty() ? "" : "; deleted " + report.deleted());
      out.flush();
      return 0;
    }
  }
}
