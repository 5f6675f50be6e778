package nl.kamerstukken.cli.parse;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.parse.api.FileParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The parse stage alone, offline: one JSON object per file on stdout (JSON Lines), exactly the
 * payload parse-service publishes on the parsed topic. Problems go to stderr; the exit code is 1 if
 * any file failed.
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description =
        "Parse files offline (no Kafka, no Elasticsearch) and print one JSON object per file.")
public final class ParseCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "PDF, DOCX, DOC, ODT, HTML or XML files")
  List<Path> files;

  @Option(names = "--no-ocr", description = "Do not OCR pages without a text layer.")
  boolean noOcr;

  @Option(
      names = "--pretty",
      description = "Indent the JSON (then it is no longer one line per file).")
  boolean pretty;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ParserSettings defaults = ParserSettings.defaults();
    int failures = 0;
    try (FileParser parser =
        FileParser.create(
            defaults.withOcr(!noOcr && defaults.ocrEnabled(), defaults.ocrLanguage()))) {
      for (Path file : files) {
        failures += parseOne(parser, file, out, err) ? 0 : 1;
      }
    }
    out.flush();
    return failures == 0 ? 0 : 1;
  }

  private boolean parseOne(FileParser parser, Path file, PrintWriter out, PrintWriter err)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      err.println(file + ": no such file");
      return false;
    }
    ParseOutcome outcome = parser.parse(file, LocalFile.describe(file), null);
    if (outcome instanceof ParseOutcome.Parsed parsed) {
      out.println(
          pretty
              ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(parsed.document())
              : Json.mapper().writeValueAsString(parsed.document()));
      out.flush();
      return true;
    }
    ParseOutcome.Failed failed = (ParseOutcome.Failed) outcome;
    err.println(file + ": " + failed.reasonCode() + ": " + failed.message());
    return false;
  }
}
