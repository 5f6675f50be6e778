package nl.kamerstukken.cli.search;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.kit.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Has the running parse-service parse every stored file again, e.g. after a parser improvement. */
@Command(
    name = "reparse",
    mixinStandardHelpOptions = true,
    description = {
      "Parse every stored file again: re-announces the latest received event of every document "
          + "that was not removed. A running parse-service parses them; index-service replaces the search "
          + "documents in place."
    })
public final class ReparseCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    IndexClient config;
    try {
      config = connection.open(); // only its Kafka and blob settings: no connection
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("reparse: " + e.getMessage());
      return 2;
    }
    ReparseReport report =
        Reparser.create(config.kafka(), config.blobs())
            .run(
                line -> {
                  out.println("reparse: " + line);
                  out.flush();
                });
    out.printf(
        "reparse: %d document(s) announced again in %.1f s (%d removed at the source skipped%s%s); "
            + "parse-service is parsing them now%n",
        report.documents(),
        report.took().toMillis() / 1000.0,
        report.removed(),
        report.tombstonesRepeated() == 0
            ? ""
            : ", " + report.tombstonesRepeated() + " removed meanwhile stay removed",
        report.refused().isEmpty()
            ? ""
            : ", "
                + report.refused().size()
                + " untrusted event(s) not announced again: see the lines above");
    out.flush();
    return 0;
  }
}
