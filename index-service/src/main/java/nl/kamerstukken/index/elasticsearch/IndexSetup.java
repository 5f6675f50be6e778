package nl.kamerstukken.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.analysis.Analyzer;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import co.elastic.clients.elasticsearch.indices.AnalyzeRequest;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.IndexSettingsAnalysis;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import co.elastic.clients.elasticsearch.indices.PutMappingRequest;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.kit.kafka.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the aliases exist with the expected mappings, at every start: probes the cluster for
 * the {@code dutch} analyzer and its node count, puts one index template per alias ({@code
 * <alias>-v*}), creates {@code <alias>-v<version>} behind the alias when the alias is missing, and
 * otherwise adds new fields to the index already behind it. Idempotent, and safe when several
 * instances start at once.
 */
public final class IndexSetup {

  private static final Logger LOG = LoggerFactory.getLogger(IndexSetup.class);

  /**
   * The Hunspell probe: the core filter with the Dutch dictionary must stem a plural the dictionary
   * knows; a 400 means the node has no {@code config/hunspell/nl_NL/}.
   */
  private static final String HUNSPELL_PROBE =
      "{\"tokenizer\":\"standard\",\"filter\":[\"lowercase\",{\"type\":\"hunspell\",\"locale\":\""
          + Analysis.HUNSPELL_LOCALE
          + "\",\"dedup\":true}],\"text\":\"Sancties\"}";

  /** The fallback analyzer must drop the stop word and keep the other word unchanged. */
  private static final String FALLBACK_PROBE =
      "{\"tokenizer\":\"standard\",\"filter\":[\"lowercase\",{\"type\":\"stop\",\"stopwords\":\"_dutch_\"}],"
          + "\"text\":\"De Vragen\"}";

  private final ElasticsearchClient client;
  private final IndexNames names;
  private final Analysis pinned;

  public IndexSetup(ElasticsearchClient client, IndexNames names) {
    this(client, names, null);
  }

  /**
   * With {@code pinned} non-null, new indices get that analysis whatever the cluster offers (tests
   * of a weaker analysis on a cluster that has a better one).
   */
  IndexSetup(ElasticsearchClient client, IndexNames names, Analysis pinned) {
    this.client = client;
    this.names = names;
    this.pinned = pinned;
  }

  public IndexLayout ensure() throws RetryableException {
    HealthResponse health = Failures.call("cluster health", () -> client.cluster().health());
    int replicas = health.numberOfDataNodes() <= 1 ? 0 : 1;
    Analysis available = probeAnalysis();
    LOG.info(
        "Elasticsearch cluster [{}]: [{}] data node(s), new indices get [{}] replica(s); analysis [{}]",
        health.clusterName(),
        health.numberOfDataNodes(),
        replicas,
        available.description());
    Map<SearchIndex, String> indices = new EnumMap<>(SearchIndex.class);
    Analysis active = available;
    for (SearchIndex index : SearchIndex.values()) {
      putTemplate(index, available, replicas);
      String concrete = ensureAlias(index);
      indices.put(index, concrete);
      Analysis used = analysisOf(concrete);
      if (used != available) {
        LOG.warn(
            "index [{}] uses analysis [{}] although [{}] is available now: build a new index version to "
                + "switch",
            concrete,
            used,
            available);
      }
      if (index == SearchIndex.QA) {
        // What a search meets: the analysis of the index the search API reads.
        active = used;
      }
    }
    LOG.info("indexing into {} with analysis [{}]", indices, active.description());
    return new IndexLayout(active, replicas, indices);
  }

  /**
   * Read-only, for a status command: the analysis of the index behind each alias that exists (an
   * alias not made yet is absent). Changes nothing on the cluster.
   */
  public Map<SearchIndex, Analysis> inspect() throws RetryableException {
    Map<SearchIndex, Analysis> found = new EnumMap<>(SearchIndex.class);
    for (SearchIndex index : SearchIndex.values()) {
      String alias = names.alias(index);
      if (Failures.call(
          "check alias " + alias, () -> client.indices().existsAlias(e -> e.name(alias)).value())) {
        found.put(index, analysisOf(writeIndex(alias)));
      }
    }
    return found;
  }

  /**
   * {@code dutch} when the cluster has it (analysis-common), else Hunspell when the node has the
   * Dutch dictionary, else the fallback every cluster has.
   */
  public Analysis probeAnalysis() throws RetryableException {
    if (pinned != null) {
      return pinned;
    }
    boolean dutch =
        Failures.call(
            "probe for the dutch analyzer",
            () -> {
              try {
                client.indices().analyze(a -> a.analyzer("dutch").text("vragen"));
                return true;
              } catch (ElasticsearchException e) {
                if (e.status() == 400) {
                  return false;
                }
                throw e;
              }
            });
    if (dutch) {
      return Analysis.DUTCH;
    }
    if (hasHunspell()) {
      return Analysis.HUNSPELL;
    }
    List<String> tokens =
        Failures.call(
                "probe for the fallback analysis",
                () ->
                    client
                        .indices()
                        .analyze(
                            AnalyzeRequest.of(b -> b.withJson(new StringReader(FALLBACK_PROBE)))))
            .tokens()
            .stream()
            .map(AnalyzeToken::token)
            .toList();
    if (!tokens.equals(List.of("vragen"))) {
      throw new IllegalStateException(
          "Elasticsearch analyses 'De Vragen' with standard+lowercase+_dutch_ stop "
              + "words as "
              + tokens
              + " instead of [vragen]: this cluster lacks basic analysis");
    }
    return Analysis.FALLBACK;
  }

  private boolean hasHunspell() throws RetryableException {
    List<String> tokens =
        Failures.call(
            "probe for the Dutch hunspell dictionary",
            () -> {
              try {
                return client
                    .indices()
                    .analyze(AnalyzeRequest.of(b -> b.withJson(new StringReader(HUNSPELL_PROBE))))
                    .tokens()
                    .stream()
                    .map(AnalyzeToken::token)
                    .toList();
              } catch (ElasticsearchException e) {
                if (e.status() == 400) {
                  return List.<String>of();
                }
                throw e;
              }
            });
    if (!tokens.isEmpty() && !tokens.contains("sanctie")) {
      LOG.warn(
          "the hunspell dictionary [{}] of this cluster stems 'Sancties' as {}, not as a Dutch one would "
              + "([sanctie]): not used",
          Analysis.HUNSPELL_LOCALE,
          tokens);
    }
    return tokens.contains("sanctie");
  }

  private void putTemplate(SearchIndex index, Analysis analysis, int replicas)
      throws RetryableException {
    String body = IndexBodies.template(names, index, analysis, replicas).toString();
    Failures.call(
        "put index template " + names.template(index),
        () ->
            client
                .indices()
                .putIndexTemplate(
                    PutIndexTemplateRequest.of(
                        b -> b.name(names.template(index)).withJson(new StringReader(body)))));
  }

  /**
   * The index behind the alias; creates it (or re-attaches the alias to it) when the alias is
   * missing.
   */
  private String ensureAlias(SearchIndex index) throws RetryableException {
    String alias = names.alias(index);
    if (Failures.call(
        "check alias " + alias, () -> client.indices().existsAlias(e -> e.name(alias)).value())) {
      String concrete = writeIndex(alias);
      String mappings = IndexBodies.mappings(index).toString();
      Failures.call(
          "update mappings of " + concrete,
          () ->
              client
                  .indices()
                  .putMapping(
                      PutMappingRequest.of(
                          b -> b.index(concrete).withJson(new StringReader(mappings)))));
      return concrete;
    }
    String concrete = names.concreteIndex(index, IndexNames.MAPPING_VERSION);
    boolean created =
        Failures.call(
            "create index " + concrete,
            () -> {
              try {
                client
                    .indices()
                    .create(c -> c.index(concrete).aliases(alias, a -> a.isWriteIndex(true)));
                return true;
              } catch (ElasticsearchException e) {
                if ("resource_already_exists_exception".equals(e.error().type())) {
                  return false;
                }
                throw e;
              }
            });
    if (created) {
      LOG.info("created index [{}] behind alias [{}]", concrete, alias);
    } else {
      // Another instance created it meanwhile, or the alias was removed by hand: attach it
      // (idempotent).
      Failures.call(
          "attach alias " + alias,
          () ->
              client
                  .indices()
                  .updateAliases(
                      u ->
                          u.actions(
                              a ->
                                  a.add(
                                      add ->
                                          add.index(concrete).alias(alias).isWriteIndex(true)))));
      LOG.info("attached alias [{}] to existing index [{}]", alias, concrete);
    }
    return concrete;
  }

  String writeIndex(String alias) throws RetryableException {
    var indices =
        Failures.call("read alias " + alias, () -> client.indices().getAlias(g -> g.name(alias)))
            .aliases();
    return indices.entrySet().stream()
        .filter(
            e ->
                indices.size() == 1
                    || Boolean.TRUE.equals(e.getValue().aliases().get(alias).isWriteIndex()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "alias "
                        + alias
                        + " points at "
                        + indices.keySet()
                        + " without a write index: mark one with is_write_index"));
  }

  private Analysis analysisOf(String concrete) throws RetryableException {
    IndexSettings settings =
        Failures.call(
                "read settings of " + concrete,
                () -> client.indices().getSettings(g -> g.index(concrete)))
            .get(concrete)
            .settings();
    IndexSettingsAnalysis analysis =
        settings.analysis() != null
            ? settings.analysis()
            : settings.index() != null ? settings.index().analysis() : null;
    Analyzer text = analysis == null ? null : analysis.analyzer().get(Analysis.TEXT_ANALYZER);
    if (text == null) {
      throw new IllegalStateException(
          "index "
              + concrete
              + " has no analyzer "
              + Analysis.TEXT_ANALYZER
              + ": it was not made by this service; remove it or choose another INDEX_ALIAS_PREFIX");
    }
    if (text._kind() == Analyzer.Kind.Dutch) {
      return Analysis.DUTCH;
    }
    boolean hunspell = text.isCustom() && text.custom().filter().contains(Analysis.HUNSPELL_FILTER);
    return hunspell ? Analysis.HUNSPELL : Analysis.FALLBACK;
  }
}
