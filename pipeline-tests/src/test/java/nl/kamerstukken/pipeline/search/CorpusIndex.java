package nl.kamerstukken.pipeline.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.kamerstukken.cli.parse.LocalFile;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.index.api.ScratchIndex;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.parse.api.FileParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;

/**
 * The shared corpus as the pipeline indexes it, through the real code paths but without Kafka:
 * every file parsed by parse-service's parser, turned into search documents and written by
 * index-service's indexer into indices of their own ({@link ScratchIndex}). Siblings of one
 * Kamerstuk (PDF, XML, HTML, ODT) share its identifier and replace each other, as in the pipeline.
 */
final class CorpusIndex implements AutoCloseable {

  private final ScratchIndex index;
  private final List<DocumentParsed> parsed;

  private CorpusIndex(ScratchIndex index, List<DocumentParsed> parsed) {
    this.index = index;
    this.parsed = List.copyOf(parsed);
  }

  static CorpusIndex build(String elasticsearchUrl, Path corpus) throws Exception {
    List<DocumentParsed> parsed = new ArrayList<>();
    try (FileParser parser = FileParser.create(ParserSettings.defaults())) {
      for (Path file : documents(corpus)) {
        ParseOutcome outcome = parser.parse(file, LocalFile.describe(file), Instant.now());
        if (outcome instanceof ParseOutcome.Parsed ok) {
          parsed.add(ok.document());
        }
      }
    }
    ScratchIndex index = ScratchIndex.create(elasticsearchUrl, "corpus");
    try {
      // Each file as a Kamerstuk of its own, as assemble-service makes one of a single file;
      // versions grow in file order, so siblings with one identifier replace each other as in the
      // pipeline: one by one.
      for (DocumentParsed document : parsed) {
        index.index(List.of(Kamerstuk.alone(document, "one file of the corpus")));
      }
      index.refresh();
    } catch (Exception | Error e) {
      index.close();
      throw e;
    }
    return new CorpusIndex(index, parsed);
  }

  /** The files a user would drop into the inbox: documents, not truth, manifests or metadata. */
  private static List<Path> documents(Path corpus) throws IOException {
    try (Stream<Path> files = Files.list(corpus)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                String name = f.getFileName().toString();
                return !name.endsWith(".md")
                    && !name.endsWith(".tsv")
                    && !name.contains("metadata")
                    && !name.contains("sru");
              })
          .sorted()
          .toList();
    }
  }

  IndexClient client() {
    return index.client();
  }

  /** The analysis of the indices ({@code DUTCH}, {@code HUNSPELL} or {@code FALLBACK}). */
  String analysis() {
    return index.analysis();
  }

  List<DocumentParsed> parsed() {
    return parsed;
  }

  @Override
  public void close() throws Exception {
    index.close();
  }
}
