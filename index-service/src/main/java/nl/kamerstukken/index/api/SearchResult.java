package nl.kamerstukken.index.api;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, with the values the filters can take for these words.
 *
 * @param total how many questions match (words and filters)
 * @param tookMillis Elasticsearch's own time for the search
 * @param analysis how the text was analysed ({@code DUTCH}, {@code HUNSPELL} or {@code FALLBACK});
 *     null if unknown
 * @param hits the page
 * @param facets per filter ({@code party}, {@code ministry}, {@code year}, {@code type}) the values
 *     found for the words (ignoring the filters, so a choice can be changed), most frequent first
 */
public record SearchResult(
    long total,
    long tookMillis,
    String analysis,
    List<SearchHit> hits,
    Map<String, List<Facet>> facets) {

  public SearchResult {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  /** One value of a filter and how many questions have it. */
  public record Facet(String value, long count) {}
}
