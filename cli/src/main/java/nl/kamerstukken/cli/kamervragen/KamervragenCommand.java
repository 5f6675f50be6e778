package nl.kamerstukken.cli.kamervragen;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nl.kamerstukken.cli.search.Connection;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.index.api.KamervraagPage;
import nl.kamerstukken.index.api.KamervraagQuery;
import nl.kamerstukken.kit.config.ConfigException;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.Kamervraag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The Kamervraag cases: which are open, postponed, answered, overdue today. */
@Command(
    name = "kamervragen",
    mixinStandardHelpOptions = true,
    description = {
      "List Kamervraag cases (a set of written questions from question through postponement to"
          + " answer), newest first.",
      "Overdue: answered after the due date (submitted + 21 days), or still unanswered after it"
          + " today, without a postponement on or before it."
    })
public final class KamervragenCommand implements Callable<Integer> {

  @Option(names = "--status", description = "open, postponed or answered.")
  String status;

  @Option(names = "--overdue", description = "Only cases that are overdue today.")
  boolean overdue;

  @Option(names = "--ministry", description = "A ministry or part of its name, e.g. Financiën.")
  String ministry;

  @Option(names = "--party", description = "A party of the askers as printed, e.g. VVD.")
  String party;

  @Option(
      names = {"-n", "--size"},
      defaultValue = "20",
      description = "Cases to show (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--json", description = "Print the page as JSON (as GET /api/kamervragen).")
  boolean json;

  @Mixin Connection connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    KamervraagQuery query;
    IndexClient index;
    try {
      query = new KamervraagQuery(status, overdue, ministry, party, size, 0);
      index = connection.open();
    } catch (IllegalArgumentException | ConfigException e) {
      err.println("kamervragen: " + e.getMessage());
      return 2;
    }
    try (index) {
      KamervraagPage page = index.kamervragen(query);
      if (json) {
        out.println(Json.mapper().writeValueAsString(page));
      } else {
        print(out, page);
      }
      out.flush();
      return 0;
    } catch (ElasticsearchException e) {
      err.println(
          "kamervragen: "
              + (e.status() == 404 ? "no case is indexed yet" : "Elasticsearch refused: " + e));
      return 1;
    } catch (IOException e) {
      err.println(
          "kamervragen: Elasticsearch at "
              + index.elasticsearchUrl()
              + " is not reachable ("
              + e.getMessage()
              + "); is ./kamerstukken up running? else pass --elasticsearch-url");
      return 1;
    }
  }

  private static void print(PrintWriter out, KamervraagPage page) {
    out.printf("%d case(s), overdue judged as of %s%n", page.total(), page.today());
    for (Kamervraag c : page.cases()) {
      out.println();
      out.printf(
          "%s  %s%s  submitted %s  due %s%s%n",
          c.caseKey(),
          c.status().name().toLowerCase(java.util.Locale.ROOT),
          c.overdue() ? " OVERDUE" : "",
          c.submittedDate(),
          c.dueDate(),
          c.answeredDate() == null
              ? ""
              : "  answered " + c.answeredDate() + " (" + c.daysToAnswer() + " days)");
      out.printf(
          "    %s (%s) -> %s%n",
          String.join(", ", c.askedBy()),
          String.join(", ", c.parties()),
          c.ministry() == null ? String.join(", ", c.addressedTo()) : c.ministry());
      if (c.title() != null) {
        out.println("    " + c.title());
      }
      for (Kamervraag.CaseDocument d : c.documents()) {
        out.printf(
            "    %-12s %s %s%n",
            d.role().name().toLowerCase(java.util.Locale.ROOT),
            d.identifier(),
            d.date() == null ? "" : d.date());
      }
    }
  }
}
