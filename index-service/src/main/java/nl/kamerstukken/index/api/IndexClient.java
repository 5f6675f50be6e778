package nl.kamerstukken.index.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nl.kamerstukken.index.config.BulkLimits;
import nl.kamerstukken.index.config.IndexConfig;
import nl.kamerstukken.index.elasticsearch.Analysis;
import nl.kamerstukken.index.elasticsearch.ElasticsearchClients;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.IndexSetup;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.index.replay.ReindexReport;
import nl.kamerstukken.index.replay.Reindexer;
import nl.kamerstukken.index.search.QaSearch;
import nl.kamerstukken.index.search.SimilarQuestions;
import nl.kamerstukken.kit.blob.BlobLocation;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.kafka.RetryableException;

/**
 * What the operator commands and the tools may do with index-service's indices, as index-service
 * itself does it (same configuration, same queries): search, similar questions, Kamervraag cases
 * and statistics, what the aliases hold, and a rebuild from the topics. Opened from the {@code
 * INDEX_*} environment variables the service reads; the Elasticsearch client is made on first use,
 * so a command that needs only {@link #kafka()} never connects. Not thread-safe to open; the
 * searches are.
 *
 * <p>Searches throw {@link IOException} when Elasticsearch is unreachable and the client's {@code
 * ElasticsearchException} when it refuses (404: nothing indexed yet).
 */
public final class IndexClient implements AutoCloseable {

  private final IndexConfig config;
  private final IndexNames names;
  private ElasticsearchClient client;

  private IndexClient(IndexConfig config) {
    this.config = config;
    this.names = new IndexNames(config.aliasPrefix());
  }

  /**
   * The indices as index-service configured by {@code environment} finds them.
   *
   * @throws nl.kamerstukken.kit.config.ConfigException a variable is invalid (the message names it)
   */
  public static IndexClient open(Map<String, String> environment) {
    return new IndexClient(IndexConfig.load(environment));
  }

  /** Elasticsearch at {@code url} without credentials, aliases under {@code aliasPrefix}. */
  public static IndexClient at(String url, String aliasPrefix) {
    Map<String, String> env = new HashMap<>();
    env.put("INDEX_ELASTICSEARCH_URL", url);
    env.put("INDEX_ALIAS_PREFIX", aliasPrefix);
    return open(env);
  }

  /** How index-service reaches Kafka (topic prefix, client properties). */
  public KafkaSettings kafka() {
    return config.kafka();
  }

  /** The blob store claim checks must lie in. */
  public BlobLocation blobs() {
    return config.blobs();
  }

  public URI elasticsearchUrl() {
    return config.elasticsearch().url();
  }

  public String aliasPrefix() {
    return config.aliasPrefix();
  }

  /** The alias of the Q&A documents, e.g. {@code kamerstukken-qa}. */
  public String qaAlias() {
    return names.alias(SearchIndex.QA);
  }

  /** One page of questions and answers, as {@code GET /api/search} answers. */
  public SearchResult search(SearchQuery query, Highlighting marks) throws IOException {
    return search(query, marks, null);
  }

  /**
   * @param analysis reported back in the result (see {@link #analysis()}; null if unknown)
   */
  public SearchResult search(SearchQuery query, Highlighting marks, String analysis)
      throws IOException {
    return new QaSearch(client(), names, marks).search(query, analysis);
  }

  /** The questions most like the Q&A {@code qaId} asked earlier; empty when no Q&A has that id. */
  public Optional<List<SearchHit>> similar(String qaId, int size) throws IOException {
    return new SimilarQuestions(client(), names).of(qaId, size);
  }

  /** One page of Kamervraag cases, as {@code GET /api/kamervragen} answers. */
  public KamervraagPage kamervragen(KamervraagQuery query) throws IOException {
    return kamervraagSearch().search(query);
  }

  /** How each ministry answers, as {@code GET /api/kamervragen/stats} answers. */
  public KamervraagStats kamervraagStats() throws IOException {
    return kamervraagSearch().stats();
  }

  /**
   * The analysis of the index behind the Q&A alias ({@code DUTCH}, {@code HUNSPELL} or {@code
   * FALLBACK}), or null when nothing is indexed yet.
   */
  public String analysis() throws RetryableException {
    Analysis analysis = new IndexSetup(client(), names).inspect().get(SearchIndex.QA);
    return analysis == null ? null : analysis.name();
  }

  /** What each alias holds now (read-only). */
  public List<AliasStatus> aliases() throws RetryableException, IOException {
    Map<SearchIndex, Analysis> analyses = new IndexSetup(client(), names).inspect();
    List<AliasStatus> aliases = new ArrayList<>();
    for (SearchIndex index : SearchIndex.values()) {
      String alias = names.alias(index);
      Analysis analysis = analyses.get(index);
      aliases.add(
          analysis == null
              ? new AliasStatus(alias, -1, null, null)
              : new AliasStatus(
                  alias,
                  client().count(c -> c.index(alias)).count(),
                  analysis.name(),
                  analysis.description()));
    }
    return aliases;
  }

  /**
   * Builds a new index version from the Kamerstukken and Kamervragen topics and switches the
   * aliases to it; searches and a running index-service go on meanwhile.
   *
   * @param progress gets one line per step
   */
  public ReindexSummary reindex(Consumer<String> progress) throws Exception {
    ReindexReport report =
        Reindexer.create(client(), names, config.kafka(), config.bulk()).run(progress);
    return new ReindexSummary(
        List.copyOf(report.previous().values()),
        report.current().get(SearchIndex.DOCUMENTS),
        report.current().get(SearchIndex.QA),
        report.analysis() == null ? null : report.analysis().name(),
        report.events(),
        report.documents(),
        report.qa(),
        report.deleted(),
        report.took());
  }

  @Override
  public void close() throws IOException {
    if (client != null) {
      client.close();
    }
  }

  BulkLimits bulk() {
    return config.bulk();
  }

  IndexNames names() {
    return names;
  }

  synchronized ElasticsearchClient client() {
    if (client == null) {
      client = ElasticsearchClients.create(config.elasticsearch());
    }
    return client;
  }

  private KamervraagSearch kamervraagSearch() {
    return new KamervraagSearch(client(), names, Clock.systemDefaultZone());
  }
}
