package nl.kamerstukken.cli.kamervragen;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import nl.kamerstukken.cli.search.Connection;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.index.api.KamervraagStats;
import nl.kamerstukken.kit.config.ConfigException;
import nl.kamerstukken.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How each ministry answers written questions. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Per ministry: Kamervraag cases, median days to answer, share answered within 21 days (of the"
          + " cases answered or past their due date) and overdue now."
    })
public final class StatsCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print as JSON (as GET /api/kamervragen/stats).")
  boolean json;

  @Mixin Connection connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IndexClient index;
    try {
      index = connection.open();
    } catch (ConfigException e) {
      err.println("stats: " + e.getMessage());
      return 2;
    }
    try (index) {
      KamervraagStats stats = index.kamervraagStats();
      if (json) {
        out.println(Json.mapper().writeValueAsString(stats));
      } else {
        print(out, stats);
      }
      out.flush();
      return 0;
    } catch (ElasticsearchException e) {
      err.println(
          "stats: "
              + (e.status() == 404 ? "no case is indexed yet" : "Elasticsearch refused: " + e));
      return 1;
    } catch (IOException e) {
      err.println(
          "stats: Elasticsearch at " + index.elasticsearchUrl() + " is not reachable: " + e);
      return 1;
    }
  }

  private static void print(PrintWriter out, KamervraagStats stats) {
    out.printf("Kamervragen per ministry, overdue as of %s%n%n", stats.today());
    out.printf(
        "%-45s %6s %9s %13s %12s %8s%n",
        "ministry", "cases", "answered", "median days", "within 21 d", "overdue");
    for (KamervraagStats.Row row : stats.ministries()) {
      out.printf(
          Locale.ROOT,
          "%-45s %6d %9d %13s %12s %8d%n",
          row.ministry(),
          row.cases(),
          row.answered(),
          row.medianDaysToAnswer() == null
              ? "-"
              : String.format(Locale.ROOT, "%.1f", row.medianDaysToAnswer()),
          row.shareWithinTerm() == null
              ? "-"
              : String.format(Locale.ROOT, "%.0f%%", 100 * row.shareWithinTerm()),
          row.overdueNow());
    }
    if (stats.truncated()) {
      out.println("(only the newest 10,000 cases were counted)");
    }
  }
}
