package nl.kamerstukken.tools;

import nl.kamerstukken.tools.bench.BenchCommand;
import nl.kamerstukken.tools.bench.BenchSearchCommand;
import nl.kamerstukken.tools.relevance.SearchEvalCommand;
import nl.kamerstukken.tools.score.BenchParseCommand;
import nl.kamerstukken.tools.score.ScoreCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The measuring tools of the project: benchmarks and the parse scorer. They ship in their own jar,
 * not in any service or in the operator CLI; {@code ./kamerstukken bench ...} (and the other tool
 * commands) runs them through this entry point.
 */
@Command(
    name = "kamerstukken",
    mixinStandardHelpOptions = true,
    version = "kamerstukken tools 0.1.0",
    description = "Benchmarks and quality measurements of the kamerstukken pipeline.",
    subcommands = {
      ScoreCommand.class,
      BenchParseCommand.class,
      BenchCommand.class,
      BenchSearchCommand.class,
      SearchEvalCommand.class,
      CommandLine.HelpCommand.class
    })
public final class KamerstukkenTools {

  public static void main(String[] args) {
    // The service libraries on this classpath bring their own logback.xml; tools log to stderr.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "kamerstukken-tools-logback.xml");
    }
    System.exit(new CommandLine(new KamerstukkenTools()).execute(args));
  }
}
