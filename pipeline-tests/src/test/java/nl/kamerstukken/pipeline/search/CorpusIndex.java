package nl.kamerstukken.pipeline.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.kamerstukken.cli.parse.LocalFile;
import nl.kamerstukken.index.config.BulkLimits;
import nl.kamerstukken.index.document.IndexedDocument;
import nl.kamerstukken.index.document.SearchDocuments;
import nl.kamerstukken.index.elasticsearch.Analysis;
import nl.kamerstukken.index.elasticsearch.DocumentIndexer;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.IndexSetup;
import nl.kamerstukken.index.elasticsearch.IndexVersions;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.parse.api.FileParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;

/**
 * The shared corpus as the pipeline indexes it, through the real code paths but without Kafka:
 * every file parsed by parse-service's parser, turned into search documents and written by
 * index-service's indexer into indices of their own (unique alias prefix). Siblings of one
 * Kamerstuk (PDF, XML, HTML, ODT) share its identifier and replace each other, as in the pipeline.
 */
final class CorpusIndex implements AutoCloseable {

  private final ElasticsearchClient client;
  private final IndexNames names;
  private final Analysis analysis;
  private final List<DocumentParsed> parsed;

  private CorpusIndex(
      ElasticsearchClient client,
      IndexNames names,
      Analysis analysis,
      List<DocumentParsed> parsed) {
    this.client = client;
    this.names = names;
    this.analysis = analysis;
    this.parsed = List.copyOf(parsed);
  }

  static CorpusIndex build(ElasticsearchClient client, Path corpus) throws Exception {
    IndexNames names =
        new IndexNames("corpus-" + UUID.randomUUID().toString().substring(0, 8) + "-");
    Analysis analysis = new IndexSetup(client, names).ensure().analysis();
    List<DocumentParsed> parsed = new ArrayList<>();
    try (FileParser parser = FileParser.create(ParserSettings.defaults())) {
      for (Path file : documents(corpus)) {
        ParseOutcome outcome = parser.parse(file, LocalFile.describe(file), Instant.now());
        if (outcome instanceof ParseOutcome.Parsed ok) {
          parsed.add(ok.document());
        }
      }
    }
    // Each file as a Kamerstuk of its own, as assemble-service makes one of a single file; versions
    // grow in file order, so siblings with one identifier replace each other as in the pipeline.
    List<IndexedDocument> documents = new ArrayList<>();
    for (DocumentParsed document : parsed) {
      documents.add(
          SearchDocuments.of(
              Kamerstuk.alone(document, "one file of the corpus"), documents.size() + 1));
    }
    DocumentIndexer indexer =
        DocumentIndexer.create(
            client, names, new BulkLimits(500, 5 << 20, 3), new SimpleMeterRegistry());
    for (IndexedDocument document : documents) {
      indexer.index(List.of(document)); // one by one: siblings of one Kamerstuk replace each other
    }
    for (SearchIndex index : SearchIndex.values()) {
      client.indices().refresh(r -> r.index(names.alias(index)));
    }
    return new CorpusIndex(client, names, analysis, parsed);
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

  IndexNames names() {
    return names;
  }

  Analysis analysis() {
    return analysis;
  }

  List<DocumentParsed> parsed() {
    return parsed;
  }

  @Override
  public void close() throws Exception {
    new IndexVersions(client, names).deleteBelow(Integer.MAX_VALUE);
    for (SearchIndex index : SearchIndex.values()) {
      client.indices().deleteIndexTemplate(d -> d.name(names.alias(index) + "-template"));
    }
  }
}
