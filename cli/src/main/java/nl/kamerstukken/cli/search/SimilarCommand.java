package nl.kamerstukken.cli.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.index.api.SearchHit;
import nl.kamerstukken.kit.config.ConfigException;
import nl.kamerstukken.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** "Asked before": the most similar earlier questions of other Kamerstukken. */
@Command(
    name = "similar",
    mixinStandardHelpOptions = true,
    description = {
      "For one question and answer, the most similar questions asked earlier in other "
          + "Kamerstukken (as GET /api/qa/<id>/similar).",
      "ID: the Q&A's id as search prints it with --json, e.g. ah-tk-20232024-2271-qa-3."
    })
public final class SimilarCommand implements Callable<Integer> {

  private static final int PLAIN_LENGTH = 240;

  @Parameters(index = "0", paramLabel = "ID", description = "The Q&A's id (<key>-qa-<position>).")
  String id;

  @Option(
      names = {"-n", "--size"},
      defaultValue = "5",
      description = "How many (1 to 20, default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--json", description = "Print the result as JSON (as the API answers).")
  boolean json;

  @Mixin Connection connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (size < 1 || size > 20) {
      err.println("similar: --size must be 1 to 20, was " + size);
      return 2;
    }
    IndexClient index;
    try {
      index = connection.open();
    } catch (ConfigException e) {
      err.println("similar: " + e.getMessage());
      return 2;
    }
    try (index) {
      Optional<List<SearchHit>> similar = index.similar(id, size);
      if (similar.isEmpty()) {
        err.println("similar: no question and answer has the id '" + id + "'");
        return 1;
      }
      if (json) {
        out.println(Json.mapper().writeValueAsString(similar.get()));
      } else {
        print(out, similar.get());
      }
      out.flush();
      return 0;
    } catch (ElasticsearchException e) {
      err.println("similar: Elasticsearch refused: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println(
          "similar: Elasticsearch at "
              + index.elasticsearchUrl()
              + " is not reachable: "
              + e.getMessage()
              + " (is ./kamerstukken up running? else pass --elasticsearch-url)");
      return 1;
    }
  }

  private void print(PrintWriter out, List<SearchHit> hits) {
    out.printf("%d earlier question(s) like %s%s%n", hits.size(), id, hits.isEmpty() ? "" : ":");
    int rank = 1;
    for (SearchHit hit : hits) {
      out.println();
      out.printf(
          "%2d. %s  %s  question %s%n",
          rank++,
          hit.identifier() == null ? hit.documentId() : hit.identifier(),
          hit.date() == null ? "" : hit.date(),
          String.join(", ", hit.questionNumbers()));
      if (hit.title() != null) {
        out.println("    " + hit.title());
      }
      String question =
          hit.questionText() == null ? "" : hit.questionText().replaceAll("\\s+", " ");
      out.println(
          "    Q: "
              + (question.length() > PLAIN_LENGTH
                  ? question.substring(0, PLAIN_LENGTH) + " …"
                  : question));
      out.println("    id: " + hit.id());
    }
  }
}
