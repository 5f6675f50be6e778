package nl.kamerstukken.cli.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.index.config.IndexConfig;
import nl.kamerstukken.index.elasticsearch.Analysis;
import nl.kamerstukken.index.elasticsearch.ElasticsearchClients;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.IndexSetup;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.kit.kafka.RetryableException;

/**
 * What Elasticsearch holds: documents per alias and the analysis of the index behind it
 * (read-only).
 */
final class SearchStatus {

  /**
   * @param alias the alias as the deployment names it
   * @param documents documents behind it, or -1 when the alias does not exist yet
   * @param analysis the analysis of its index, or null when the alias does not exist yet
   */
  record AliasCount(String alias, long documents, Analysis analysis) {}

  /**
   * @param aliases one count per alias (empty when Elasticsearch could not be asked)
   * @param problem why Elasticsearch could not be asked, or null
   */
  record Look(List<AliasCount> aliases, String problem) {
    Look {
      aliases = List.copyOf(aliases);
    }
  }

  private SearchStatus() {}

  static Look look(IndexConfig config) {
    IndexNames names = new IndexNames(config.aliasPrefix());
    try (ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch())) {
      Map<SearchIndex, Analysis> analyses = new IndexSetup(client, names).inspect();
      List<AliasCount> counts = new ArrayList<>();
      for (SearchIndex index : SearchIndex.values()) {
        String alias = names.alias(index);
        Analysis analysis = analyses.get(index);
        long documents = analysis == null ? -1 : client.count(c -> c.index(alias)).count();
        counts.add(new AliasCount(alias, documents, analysis));
      }
      return new Look(counts, null);
    } catch (RetryableException | IOException | RuntimeException e) {
      return new Look(
          List.of(),
          "Elasticsearch at "
              + config.elasticsearch().url()
              + " did not answer: "
              + e.getMessage());
    }
  }
}
