package nl.kamerstukken.cli.status;

import java.io.IOException;
import java.util.List;
import nl.kamerstukken.index.api.AliasStatus;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.kit.kafka.RetryableException;

/**
 * What Elasticsearch holds: documents per alias and the analysis of the index behind it
 * (read-only).
 */
final class SearchStatus {

  /**
   * @param aliases one per alias (empty when Elasticsearch could not be asked)
   * @param problem why Elasticsearch could not be asked, or null
   */
  record Look(List<AliasStatus> aliases, String problem) {
    Look {
      aliases = List.copyOf(aliases);
    }
  }

  private SearchStatus() {}

  static Look look(IndexClient index) {
    try {
      return new Look(index.aliases(), null);
    } catch (RetryableException | IOException | RuntimeException e) {
      return new Look(
          List.of(),
          "Elasticsearch at " + index.elasticsearchUrl() + " did not answer: " + e.getMessage());
    }
  }
}
