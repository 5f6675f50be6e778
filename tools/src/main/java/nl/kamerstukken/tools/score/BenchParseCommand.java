package nl.kamerstukken.tools.score;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Pages per second of the parse stage against bare PDFBox text extraction, on the same PDFs. */
@Command(
    name = "bench-parse",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark the parse stage against bare PDFBox PDFTextStripper (pages/s and ratio).")
public final class BenchParseCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      defaultValue = "../shared/corpus",
      paramLabel = "DIR",
      description = "Folder whose text PDFs are used (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(
      names = "--rounds",
      defaultValue = "15",
      description = "Measured rounds; the median counts (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ParseBenchmark.run(corpus, rounds, spec.commandLine().getOut());
    return 0;
  }
}
