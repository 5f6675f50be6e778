package nl.kamerstukken.cli;

import nl.kamerstukken.cli.alert.AlertCommand;
import nl.kamerstukken.cli.dlq.DlqCommand;
import nl.kamerstukken.cli.kamervragen.KamervragenCommand;
import nl.kamerstukken.cli.kamervragen.StatsCommand;
import nl.kamerstukken.cli.parse.ParseCommand;
import nl.kamerstukken.cli.s3.UploadCommand;
import nl.kamerstukken.cli.search.ReindexCommand;
import nl.kamerstukken.cli.search.ReparseCommand;
import nl.kamerstukken.cli.search.SearchCommand;
import nl.kamerstukken.cli.search.SimilarCommand;
import nl.kamerstukken.cli.sources.PruneCommand;
import nl.kamerstukken.cli.status.StatusCommand;
import nl.kamerstukken.cli.up.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./kamerstukken}: one launcher for running, parsing and inspecting the pipeline. */
@Command(
    name = "kamerstukken",
    mixinStandardHelpOptions = true,
    version = "kamerstukken 0.1.0",
    description = "Turns Dutch parliamentary documents into searchable questions and answers.",
    footer = {
      "",
      "Measuring tools (the tools module, run by the same launcher): score, bench-parse, bench,",
      "bench-search, search-eval; ./kamerstukken <tool> --help for each."
    },
    subcommands = {
      UpCommand.class,
      ParseCommand.class,
      SearchCommand.class,
      SimilarCommand.class,
      KamervragenCommand.class,
      StatsCommand.class,
      ReindexCommand.class,
      ReparseCommand.class,
      UploadCommand.class,
      AlertCommand.class,
      StatusCommand.class,
      PruneCommand.class,
      DlqCommand.class,
      CommandLine.HelpCommand.class
    })
public final class KamerstukkenCli {

  public static void main(String[] args) {
    // The parse-service library on this classpath brings its own logback.xml; the CLI logs to
    // stderr only.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "kamerstukken-cli-logback.xml");
    }
    System.exit(new CommandLine(new KamerstukkenCli()).execute(args));
  }
}
