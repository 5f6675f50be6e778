package nl.kamerstukken.index.api;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.kamerstukken.index.config.BulkLimits;
import nl.kamerstukken.index.document.IndexedDocument;
import nl.kamerstukken.index.document.SearchDocuments;
import nl.kamerstukken.index.elasticsearch.DocumentIndexer;
import nl.kamerstukken.index.elasticsearch.IndexLayout;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.IndexSetup;
import nl.kamerstukken.index.elasticsearch.IndexVersions;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.model.Kamerstuk;

/**
 * Throwaway indices under a unique alias prefix, filled with Kamerstukken directly (no Kafka)
 * through index-service's own write path (the same search documents, the same bulk writer with its
 * real-time read of what is stored): for benchmarks, the relevance evaluation and tests. {@link
 * #close()} deletes the indices and their templates.
 */
public final class ScratchIndex implements AutoCloseable {

  private final IndexClient client;
  private final IndexLayout layout;
  private final DocumentIndexer indexer;
  private long version;

  private ScratchIndex(IndexClient client, IndexLayout layout) {
    this.client = client;
    this.layout = layout;
    this.indexer =
        DocumentIndexer.create(
            client.client(), client.names(), client.bulk(), new SimpleMeterRegistry());
  }

  /**
   * Creates the indices (the analysis chosen as index-service chooses it).
   *
   * @param url Elasticsearch, without credentials
   * @param name put before a random part in the alias prefix, e.g. {@code bench}
   */
  public static ScratchIndex create(String url, String name) throws Exception {
    String prefix =
        name.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    IndexClient client = IndexClient.at(url, prefix);
    try {
      return new ScratchIndex(client, new IndexSetup(client.client(), client.names()).ensure());
    } catch (Exception | Error e) {
      client.close();
      throw e;
    }
  }

  /** Searches these indices (closed with them). */
  public IndexClient client() {
    return client;
  }

  /** The analysis of the indices ({@code DUTCH}, {@code HUNSPELL} or {@code FALLBACK}). */
  public String analysis() {
    return layout.analysis().name();
  }

  public String analysisDescription() {
    return layout.analysis().description();
  }

  /** The bulk bounds of the writer, in words. */
  public String writeLimits() {
    BulkLimits limits = client.bulk();
    return "bulks <= " + limits.maxActions() + " actions / " + limits.maxBytes() + " bytes";
  }

  /**
   * Indexes one batch, as the service indexes one batch of its consumer; each Kamerstuk gets the
   * next version, so a later Kamerstuk with the same key replaces an earlier one.
   *
   * @return the Q&A documents the batch made
   */
  public long index(List<Kamerstuk> kamerstukken) throws Exception {
    List<IndexedDocument> documents = new ArrayList<>();
    for (Kamerstuk kamerstuk : kamerstukken) {
      documents.add(SearchDocuments.of(kamerstuk, ++version));
    }
    indexer.index(documents);
    return documents.stream().mapToLong(d -> d.qa().size()).sum();
  }

  /** Makes everything indexed so far searchable. */
  public void refresh() throws Exception {
    IndexNames names = client.names();
    for (SearchIndex index : SearchIndex.values()) {
      client.client().indices().refresh(r -> r.index(names.alias(index)));
    }
  }

  /** Q&A documents searchable now. */
  public long qaCount() throws Exception {
    return client.client().count(c -> c.index(client.qaAlias())).count();
  }

  @Override
  public void close() throws Exception {
    try {
      IndexNames names = client.names();
      new IndexVersions(client.client(), names).deleteBelow(Integer.MAX_VALUE);
      for (SearchIndex index : SearchIndex.values()) {
        client
            .client()
            .indices()
            .deleteIndexTemplate(d -> d.name(names.alias(index) + "-template"));
      }
    } finally {
      client.close();
    }
  }
}
