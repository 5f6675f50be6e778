package nl.kamerstukken.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import nl.kamerstukken.cli.parse.LocalFile;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.LocalStackConfig;
import nl.kamerstukken.localstack.host.PosixAccess;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.parse.api.FileParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Indexing throughput (Q&A docs/s) and search latency (p50/p95) over Q&A documents synthesised from
 * the corpus, in a throwaway alias prefix that is removed afterwards.
 */
@Command(
    name = "bench-search",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark indexing throughput and search latency over synthesised Q&A documents.",
      "Starts a local Elasticsearch in a temp dir unless --elasticsearch-url is given; uses a throwaway "
          + "alias prefix either way."
    })
public final class BenchSearchCommand implements Callable<Integer> {

  private static final Set<String> FORMATS =
      Set.of("pdf", "xml", "html", "docx", "odt", "doc", "txt");

  @Option(
      names = "--qa-docs",
      defaultValue = "10000",
      description = "Q&A documents to index (default: ${DEFAULT-VALUE}).")
  int qaDocs;

  @Option(
      names = "--queries",
      defaultValue = "500",
      description = "Measured searches (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(
      names = "--corpus",
      defaultValue = "../shared/corpus",
      description = "Real Kamerstukken to " + "synthesise from (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(
      names = "--elasticsearch-url",
      description = "Use this Elasticsearch instead of starting one.")
  String elasticsearchUrl;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<DocumentParsed> real = parseCorpus(corpus);
    SyntheticKamerstukken synthetic = new SyntheticKamerstukken(real);
    List<DocumentParsed> documents = synthetic.generate(qaDocs);
    out.printf(
        "bench-search: %d Kamerstukken synthesised from %d corpus documents (%d real questions)%n",
        documents.size(), real.size(), synthetic.questionPool());
    out.flush();
    if (elasticsearchUrl != null) {
      bench(elasticsearchUrl, documents, synthetic, out);
      return 0;
    }
    Path dir = Files.createTempDirectory("kamerstukken-bench-");
    // Elasticsearch runs as another user when we are root: it must be able to enter the folder.
    PosixAccess.openForOthers(dir);
    try (LocalStack stack = LocalStack.start(LocalStackConfig.forTests(dir))) {
      out.println("bench-search: started Elasticsearch at " + stack.elasticsearchUrl());
      out.flush();
      bench(stack.elasticsearchUrl(), documents, synthetic, out);
    } finally {
      deleteTree(dir);
    }
    return 0;
  }

  private void bench(
      String url, List<DocumentParsed> documents, SyntheticKamerstukken synthetic, PrintWriter out)
      throws Exception {
    new SearchBenchmark(url, out).run(documents, synthetic.questionTexts(), queries);
    out.flush();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** The corpus documents that have questions or answers, parsed without OCR. */
  static List<DocumentParsed> parseCorpus(Path corpus) throws IOException {
    if (!Files.isDirectory(corpus)) {
      throw new IllegalArgumentException(
          "no corpus at " + corpus.toAbsolutePath() + "; pass --corpus DIR");
    }
    List<DocumentParsed> parsed = new ArrayList<>();
    ParserSettings defaults = ParserSettings.defaults();
    try (FileParser parser = FileParser.create(defaults.withOcr(false, defaults.ocrLanguage()));
        Stream<Path> files = Files.list(corpus)) {
      for (Path file : files.filter(BenchSearchCommand::isDocument).sorted().toList()) {
        if (parser.parse(file, LocalFile.describe(file), null) instanceof ParseOutcome.Parsed ok
            && !ok.document().questions().isEmpty()) {
          parsed.add(ok.document());
        }
      }
    }
    return parsed;
  }

  private static boolean isDocument(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && FORMATS.contains(name.substring(dot + 1)) && !name.contains(".metadata");
  }
}
