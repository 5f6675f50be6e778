package nl.kamerstukken.tools.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import nl.kamerstukken.index.config.BulkLimits;
import nl.kamerstukken.index.document.IndexedDocument;
import nl.kamerstukken.index.document.SearchDocuments;
import nl.kamerstukken.index.elasticsearch.DocumentIndexer;
import nl.kamerstukken.index.elasticsearch.IndexLayout;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.IndexSetup;
import nl.kamerstukken.index.elasticsearch.IndexVersions;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.index.search.Highlighting;
import nl.kamerstukken.index.search.QaSearch;
import nl.kamerstukken.index.search.SearchQuery;
import nl.kamerstukken.model.DocumentParsed;

/**
 * Indexing throughput and search latency on a throwaway alias prefix: the Kamerstukken go through
 * the service's own write path ({@link DocumentIndexer}: real-time read of what is stored, bounded
 * bulks), the searches through the same {@link QaSearch} as {@code /api/search} (highlights and
 * facets included).
 */
final class SearchBenchmark {

  /** Kamerstukken per call of the indexer, like a batch of the service's consumer. */
  private static final int BATCH = 100;

  private static final int WARM_UP = 50;

  private final ElasticsearchClient client;
  private final IndexNames names;
  private final PrintWriter out;

  SearchBenchmark(ElasticsearchClient client, IndexNames names, PrintWriter out) {
    this.client = client;
    this.names = names;
    this.out = out;
  }

  /**
   * Indexes {@code documents}, runs {@code queries} searches, prints the figures; removes the
   * indices after.
   */
  void run(
      List<DocumentParsed> documents, List<String> questionTexts, int queries, BulkLimits limits)
      throws Exception {
    try {
      IndexLayout layout = new IndexSetup(client, names).ensure();
      out.printf("analysis: %s%n", layout.analysis().description());
      long qa = index(documents, limits);
      search(queries, new QueryMaker(questionTexts, new Random(7)), qa);
    } finally {
      cleanUp();
    }
  }

  private long index(List<DocumentParsed> documents, BulkLimits limits) throws Exception {
    DocumentIndexer indexer =
        DocumentIndexer.create(client, names, limits, new SimpleMeterRegistry());
    List<IndexedDocument> indexed = new java.util.ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      indexed.add(
          SearchDocuments.of(
              nl.kamerstukken.model.Kamerstuk.alone(documents.get(i), "the only file"), i + 1));
    }
    long qa = indexed.stream().mapToLong(d -> d.qa().size()).sum();
    long started = System.nanoTime();
    for (int from = 0; from < indexed.size(); from += BATCH) {
      indexer.index(indexed.subList(from, Math.min(indexed.size(), from + BATCH)));
    }
    client
        .indices()
        .refresh(r -> r.index(names.alias(SearchIndex.QA), names.alias(SearchIndex.DOCUMENTS)));
    double seconds = (System.nanoTime() - started) / 1e9;
    long stored = client.count(c -> c.index(names.alias(SearchIndex.QA))).count();
    if (stored != qa) {
      throw new IllegalStateException(
          "indexed " + qa + " Q&A documents but " + stored + " are searchable");
    }
    out.printf(
        Locale.ROOT,
        "indexing: %d Kamerstukken with %d Q&A docs in %.1f s = %.0f Q&A docs/s "
            + "(%d Kamerstukken per call, bulks <= %d actions / %d bytes)%n",
        indexed.size(),
        qa,
        seconds,
        qa / seconds,
        BATCH,
        limits.maxActions(),
        limits.maxBytes());
    return qa;
  }

  private void search(int queries, QueryMaker maker, long qa) throws Exception {
    QaSearch search = new QaSearch(client, names, Highlighting.HTML);
    for (int i = 0; i < WARM_UP; i++) {
      search.search(maker.next(), null);
    }
    double[] millis = new double[queries];
    long hits = 0;
    for (int i = 0; i < queries; i++) {
      SearchQuery query = maker.next();
      long started = System.nanoTime();
      hits += search.search(query, null).total() > 0 ? 1 : 0;
      millis[i] = (System.nanoTime() - started) / 1e6;
    }
    Arrays.sort(millis);
    out.printf(
        Locale.ROOT,
        "search: %d queries over %d Q&A docs (after %d warm-up; words, phrases, filters; "
            + "highlights and facets): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; %d with hits%n",
        queries,
        qa,
        WARM_UP,
        percentile(millis, 50),
        percentile(millis, 95),
        percentile(millis, 99),
        millis[millis.length - 1],
        hits);
  }

  static double percentile(double[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private void cleanUp() throws Exception {
    IndexVersions versions = new IndexVersions(client, names);
    versions.deleteBelow(Integer.MAX_VALUE);
    for (SearchIndex index : SearchIndex.values()) {
      String template = names.alias(index) + "-template";
      client.indices().deleteIndexTemplate(d -> d.name(template));
    }
  }

  /**
   * Queries a person might type: one or two words, a quoted phrase, or a word with a party or
   * ministry.
   */
  static final class QueryMaker {
    private static final List<String> PARTIES = List.of("VVD", "D66", "BBB", "CDA", "SP");
    private static final List<String> MINISTRIES =
        List.of("Financiën", "Klimaat", "Volksgezondheid, Welzijn en Sport");
    private final List<String> words = new ArrayList<>();
    private final List<String> texts;
    private final Random random;

    QueryMaker(List<String> texts, Random random) {
      this.texts = texts;
      this.random = random;
      for (String text : texts) {
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
          if (word.length() >= 6) {
            words.add(word);
          }
        }
      }
    }

    SearchQuery next() {
      return switch (random.nextInt(6)) {
        case 0, 1 -> SearchQuery.of(word());
        case 2 -> SearchQuery.of(word() + " " + word());
        case 3 -> SearchQuery.of("\"" + phrase() + "\"");
        case 4 ->
            new SearchQuery(
                word(),
                PARTIES.get(random.nextInt(PARTIES.size())),
                null,
                null,
                null,
                null,
                null,
                SearchQuery.DEFAULT_SIZE,
                0);
        default ->
            new SearchQuery(
                word(),
                null,
                MINISTRIES.get(random.nextInt(MINISTRIES.size())),
                null,
                null,
                null,
                null,
                SearchQuery.DEFAULT_SIZE,
                0);
      };
    }

    private String word() {
      return words.get(random.nextInt(words.size()));
    }

    /** Two consecutive words of a real question. */
    private String phrase() {
      String[] parts = texts.get(random.nextInt(texts.size())).split("\\s+");
      if (parts.length < 2) {
        return word();
      }
      int at = random.nextInt(parts.length - 1);
      return (parts[at] + " " + parts[at + 1]).replace("\"", "");
    }
  }
}
