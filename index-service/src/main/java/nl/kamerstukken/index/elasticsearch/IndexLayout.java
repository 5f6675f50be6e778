package nl.kamerstukken.index.elasticsearch;

import java.util.Map;

/**
 * What {@link IndexSetup} found or made.
 *
 * @param analysis the analysis the indices behind the aliases actually use
 * @param replicas replicas chosen for new indices (0 on a single-node cluster)
 * @param indices the concrete index behind each alias
 */
public record IndexLayout(Analysis analysis, int replicas, Map<SearchIndex, String> indices) {

  public IndexLayout {
    indices = Map.copyOf(indices);
  }
}
