package nl.kamerstukken.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a small batch that comes after a quiet spell searchable at once instead of at the next
 * periodic refresh (up to a second later): when documents arrive one by one, a user who drops a
 * file sees it in search sooner. Batches in a steady flow (a burst, a backlog: the previous batch
 * ended less than {@link #QUIET} before this one started) and large batches are left to the
 * indices' refresh interval: a refresh per batch there makes many small segments and cost
 * Elasticsearch 40 % more CPU per document in the benchmark. So refreshes are at least {@link
 * #QUIET} apart.
 *
 * <p>A failed refresh is logged and ignored: the writes are acknowledged already and the periodic
 * refresh shows them shortly. Used by the one indexing worker thread (not thread-safe).
 */
public final class SmallBatchRefresh {

  /** Never refreshes: the indices' refresh interval alone decides. */
  public static final SmallBatchRefresh NEVER =
      new SmallBatchRefresh(null, List.of(), 0, System::nanoTime);

  /**
   * In a flow the consumer has the next records waiting when a batch ends, so the next batch starts
   * within a few tens of milliseconds; files dropped one by one reach this stage 250 ms or more
   * apart now that ingest reacts to a closed file and assemble commits every 20 ms. 300 ms (chosen
   * when files came at least 900 ms apart) left one drop in five to the periodic refresh in the
   * benchmark's one-at-a-time series (p95 1.2 s against p50 0.4 s).
   */
  static final Duration QUIET = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(SmallBatchRefresh.class);

  private final ElasticsearchClient client;
  private final List<String> targets;
  private final int maxDocuments;
  private final LongSupplier ticker;
  private long lastEnd;
  private boolean ended;
  private boolean quietBefore = true;

  SmallBatchRefresh(
      ElasticsearchClient client, List<String> targets, int maxDocuments, LongSupplier ticker) {
    this.client = client;
    this.targets = List.copyOf(targets);
    this.maxDocuments = maxDocuments;
    this.ticker = ticker;
  }

  /**
   * Refreshes the Kamerstuk and Q&A aliases after batches of at most {@code maxDocuments} written
   * Kamerstukken (0: never).
   */
  public static SmallBatchRefresh of(
      ElasticsearchClient client, IndexNames names, int maxDocuments) {
    return new SmallBatchRefresh(
        client,
        List.of(names.alias(SearchIndex.DOCUMENTS), names.alias(SearchIndex.QA)),
        maxDocuments,
        System::nanoTime);
  }

  /** Called when a batch starts: notes whether no batch ended in the {@link #QUIET} before. */
  public void starting() {
    quietBefore = !ended || ticker.getAsLong() - lastEnd >= QUIET.toNanos();
  }

  /** Called after every batch, with the number of written Kamerstukken (0 when none were). */
  public void written(int documents) {
    if (!due(documents)) {
      return;
    }
    try {
      client.indices().refresh(r -> r.index(targets));
    } catch (ElasticsearchException | IOException e) {
      LOG.warn(
          "refresh after a small batch failed (the periodic refresh shows it): {}", e.toString());
    }
  }

  /**
   * Whether the batch that ends now, with {@code documents} written, is refreshed at once: a small
   * one that started after a quiet spell ({@link #starting}).
   */
  boolean due(int documents) {
    boolean due = documents > 0 && documents <= maxDocuments && quietBefore;
    ended = true;
    lastEnd = ticker.getAsLong();
    quietBefore = false;
    return due;
  }
}
