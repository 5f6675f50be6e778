package nl.kamerstukken.tools.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import nl.kamerstukken.index.api.Highlighting;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.index.api.ScratchIndex;
import nl.kamerstukken.index.api.SearchQuery;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Kamerstuk;

/**
 * Indexing throughput and search latency on a throwaway alias prefix ({@link ScratchIndex}): the
 * Kamerstukken go through the service's own write path (real-time read of what is stored, bounded
 * bulks), the searches through the same query as {@code /api/search} (highlights and facets
 * included).
 */
final class SearchBenchmark {

  /** Kamerstukken per call of the indexer, like a batch of the service's consumer. */
  private static final int BATCH = 100;

  private static final int WARM_UP = 50;

  private final String url;
  private final PrintWriter out;

  SearchBenchmark(String url, PrintWriter out) {
    this.url = url;
    this.out = out;
  }

  /**
   * Indexes {@code documents}, runs {@code queries} searches, prints the figures; removes the
   * indices after.
   */
  void run(List<DocumentParsed> documents, List<String> questionTexts, int queries)
      throws Exception {
    try (ScratchIndex index = ScratchIndex.create(url, "bench")) {
      out.printf("analysis: %s%n", index.analysisDescription());
      long qa = index(index, documents);
      search(index.client(), queries, new QueryMaker(questionTexts, new Random(7)), qa);
    }
  }

  private long index(ScratchIndex index, List<DocumentParsed> documents) throws Exception {
    List<Kamerstuk> kamerstukken = new ArrayList<>();
    for (DocumentParsed document : documents) {
      kamerstukken.add(Kamerstuk.alone(document, "the only file"));
    }
    long qa = 0;
    long started = System.nanoTime();
    for (int from = 0; from < kamerstukken.size(); from += BATCH) {
      qa += index.index(kamerstukken.subList(from, Math.min(kamerstukken.size(), from + BATCH)));
    }
    index.refresh();
    double seconds = (System.nanoTime() - started) / 1e9;
    long stored = index.qaCount();
    if (stored != qa) {
      throw new IllegalStateException(
          "indexed " + qa + " Q&A documents but " + stored + " are searchable");
    }
    out.printf(
        Locale.ROOT,
        "indexing: %d Kamerstukken with %d Q&A docs in %.1f s = %.0f Q&A docs/s "
            + "(%d Kamerstukken per call, %s)%n",
        kamerstukken.size(),
        qa,
        seconds,
        qa / seconds,
        BATCH,
        index.writeLimits());
    return qa;
  }

  private void search(IndexClient search, int queries, QueryMaker maker, long qa) throws Exception {
    for (int i = 0; i < WARM_UP; i++) {
      search.search(maker.next(), Highlighting.HTML);
    }
    double[] millis = new double[queries];
    long hits = 0;
    for (int i = 0; i < queries; i++) {
      SearchQuery query = maker.next();
      long started = System.nanoTime();
      hits += search.search(query, Highlighting.HTML).total() > 0 ? 1 : 0;
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
