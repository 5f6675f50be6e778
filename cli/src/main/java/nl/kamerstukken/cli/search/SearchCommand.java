package nl.kamerstukken.cli.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import nl.kamerstukken.index.api.Highlighting;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.index.api.SearchQuery;
import nl.kamerstukken.index.api.SearchResult;
import nl.kamerstukken.kit.config.ConfigException;
import nl.kamerstukken.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The best questions and answers for some words, with the matching words marked, in the terminal.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the questions and answers: prints the best hits with highlighted fragments, "
          + "identifier and date.",
      "Quotes make a phrase (\"kabels en leidingen\"), -word excludes a word."
    })
public final class SearchCommand implements Callable<Integer> {

  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "QUERY",
      description = "The words; none = the newest questions.")
  String text;

  @Option(names = "--party", description = "Only questions by members of this party, e.g. VVD.")
  String party;

  @Option(
      names = "--ministry",
      description =
          "Only questions to or answered by this ministry (or a part of "
              + "its name, e.g. 'Klimaat').")
  String ministry;

  @Option(names = "--year", description = "Parliamentary year, e.g. 2023-2024.")
  String year;

  @Option(names = "--type", description = "Document type, e.g. aanhangsel-antwoord.")
  String type;

  @Option(names = "--from", paramLabel = "DATE", description = "From this date (ISO, inclusive).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Up to this date (ISO, inclusive).")
  LocalDate to;

  @Option(
      names = {"-n", "--size"},
      defaultValue = "10",
      description = "Hits to show (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--json", description = "Print the result as JSON (as GET /api/search answers).")
  boolean json;

  @Option(
      names = "--color",
      negatable = true,
      description = "Mark matches in bold (default: when a terminal).")
  Boolean color;

  @Mixin Connection connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SearchQuery query;
    try {
      query = new SearchQuery(text, party, ministry, year, type, from, to, size, 0);
    } catch (IllegalArgumentException e) {
      err.println("search: " + e.getMessage());
      return 2;
    }
    IndexClient index;
    try {
      index = connection.open();
    } catch (ConfigException e) {
      err.println("search: " + e.getMessage());
      return 2;
    }
    boolean bold = color != null ? color : System.console() != null;
    Highlighting marks =
        json
            ? Highlighting.HTML
            : bold ? Highlighting.plain(BOLD, RESET) : Highlighting.plain("**", "**");
    try (index) {
      SearchResult result = index.search(query, marks);
      if (json) {
        out.println(Json.mapper().writeValueAsString(result));
      } else {
        new HitPrinter(out).print(query, result);
      }
      out.flush();
      return 0;
    } catch (ElasticsearchException e) {
      err.println(
          "search: Elasticsearch refused: "
              + (e.status() == 404
                  ? "nothing is indexed yet (no " + index.aliasPrefix() + "kamerstukken-qa alias)"
                  : e.getMessage()));
      return 1;
    } catch (IOException e) {
      err.println(
          "search: Elasticsearch at "
              + index.elasticsearchUrl()
              + " is not reachable: "
              + e.getMessage()
              + " (is ./kamerstukken up running? else pass --elasticsearch-url)");
      return 1;
    }
  }
}
