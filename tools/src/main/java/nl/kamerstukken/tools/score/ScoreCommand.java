package nl.kamerstukken.tools.score;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.kamerstukken.cli.parse.LocalFile;
import nl.kamerstukken.parse.api.FileParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Parses files and scores them against ground truth ({@code <truth>/<name>.json}): question and
 * answer precision, recall and F1 per document and in total, and the share of truth metadata fields
 * matched.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = "Score the parser against ground truth (rule: ../shared/corpus/README.md).")
public final class ScoreCommand implements Callable<Integer> {

  @Option(names = "--truth", required = true, description = "Folder with <name>.json truth files.")
  Path truth;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Files to parse and score; files without a truth are skipped.")
  List<Path> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    List<Scorer.Scored> scored = new ArrayList<>();
    try (FileParser parser = FileParser.create(ParserSettings.defaults())) {
      for (Path file : files) {
        if (!Files.isRegularFile(file) || Scorer.truthFor(truth, file) == null) {
          continue;
        }
        ParseOutcome outcome = parser.parse(file, LocalFile.describe(file), null);
        if (outcome instanceof ParseOutcome.Parsed parsed) {
          scored.add(new Scorer.Scored(file, parsed.document()));
        } else {
          err.println(file + ": " + ((ParseOutcome.Failed) outcome).message());
        }
      }
    }
    ScoreReport report = Scorer.score(truth, scored);
    spec.commandLine().getOut().println(report.toText());
    spec.commandLine().getOut().flush();
    return scored.isEmpty() ? 1 : 0;
  }
}
