package nl.kamerstukken.tools.relevance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.kamerstukken.index.api.Highlighting;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.index.api.SearchHit;
import nl.kamerstukken.index.api.SearchQuery;

/**
 * Runs a judged set through the search as users meet it ({@link IndexClient#search}, the API's
 * query, no filters) and scores the first {@value #CUTOFF} hits of each query.
 */
public final class RelevanceEvaluation {

  public static final int CUTOFF = 10;

  private final IndexClient index;

  public RelevanceEvaluation(IndexClient index) {
    this.index = index;
  }

  /**
   * @param analysis reported with the figures (null if unknown)
   * @throws IOException Elasticsearch unreachable
   */
  public RelevanceReport run(List<JudgedQuery> queries, String analysis) throws IOException {
    List<QueryScore> scores = new ArrayList<>();
    for (JudgedQuery query : queries) {
      List<Set<String>> ranked = new ArrayList<>();
      for (SearchHit hit :
          index.search(SearchQuery.of(query.text()), Highlighting.HTML, analysis).hits()) {
        ranked.add(ids(hit));
      }
      scores.add(QueryScore.of(query, ranked, CUTOFF));
    }
    return new RelevanceReport(CUTOFF, analysis, scores);
  }

  /** {@code <identifier>#<number>} per question number of the hit (its key when no identifier). */
  static Set<String> ids(SearchHit hit) {
    String key = hit.identifier() != null ? hit.identifier() : hit.documentId();
    Set<String> ids = new LinkedHashSet<>();
    List<String> numbers =
        hit.questionNumbers().isEmpty() ? hit.answerNumbers() : hit.questionNumbers();
    numbers.forEach(n -> ids.add(key + "#" + n));
    if (ids.isEmpty()) {
      ids.add(key + "#position-" + hit.position());
    }
    return ids;
  }
}
