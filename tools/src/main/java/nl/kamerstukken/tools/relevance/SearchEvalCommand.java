package nl.kamerstukken.tools.relevance;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.kamerstukken.cli.search.Connection;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.kit.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Measures the ranking of the search against a judged query set. */
@Command(
    name = "search-eval",
    mixinStandardHelpOptions = true,
    description = {
      "Run a judged query set through the search (the same query as the API and the search page) "
          + "and print nDCG@10, recall@10 and MRR, per kind of query, and the misses per query.",
      "FILE: one query per line, TAB, the relevant Q&A as <identifier>#<question number> "
          + "separated by spaces, optionally TAB and the kind of query; # starts a comment."
    })
public final class SearchEvalCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The judged query set.")
  Path file;

  @Option(
      names = "--summary",
      description = "Print only the figures, not each query that missed something.")
  boolean summary;

  @Option(
      names = "--min-ndcg",
      paramLabel = "X",
      description = "Exit 1 when the mean nDCG@10 is below X (for scripts).")
  Double minNdcg;

  @Mixin Connection connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<JudgedQuery> queries;
    IndexClient index;
    try {
      queries = JudgedQueries.read(file);
      index = connection.open();
    } catch (IOException e) {
      err.println("search-eval: cannot read " + file + ": " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException | ConfigException e) {
      err.println("search-eval: " + e.getMessage());
      return 2;
    }
    try (index) {
      RelevanceReport report = new RelevanceEvaluation(index).run(queries, index.analysis());
      report.print(out, !summary);
      return minNdcg != null && report.ndcg() < minNdcg ? 1 : 0;
    } catch (ElasticsearchException e) {
      err.println(
          "search-eval: Elasticsearch refused: "
              + (e.status() == 404 ? "nothing is indexed yet (no Q&A alias)" : e.getMessage()));
      return 1;
    } catch (Exception e) {
      err.println(
          "search-eval: Elasticsearch at "
              + index.elasticsearchUrl()
              + " is not reachable: "
              + e.getMessage()
              + " (is ./kamerstukken up running? else pass --elasticsearch-url)");
      return 1;
    }
  }
}
