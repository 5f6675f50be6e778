package nl.kamerstukken.tools.relevance;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The scores of a judged set: means over the queries (nDCG@k, recall@k, MRR), per kind of query,
 * and the queries that missed something.
 *
 * @param cutoff k, the number of hits scored per query
 * @param analysis the text analysis of the index that was searched (null if unknown)
 */
public record RelevanceReport(int cutoff, String analysis, List<QueryScore> scores) {

  public RelevanceReport {
    scores = List.copyOf(scores);
  }

  public double ndcg() {
    return mean(scores, QueryScore::ndcg);
  }

  public double recall() {
    return mean(scores, QueryScore::recall);
  }

  public double mrr() {
    return mean(scores, QueryScore::reciprocalRank);
  }

  /** Mean nDCG per kind of query, in the order the kinds first occur. */
  public Map<String, Double> ndcgByKind() {
    Map<String, List<QueryScore>> byKind = new LinkedHashMap<>();
    scores.forEach(
        s -> byKind.computeIfAbsent(s.query().kind(), k -> new java.util.ArrayList<>()).add(s));
    Map<String, Double> means = new LinkedHashMap<>();
    byKind.forEach((kind, list) -> means.put(kind, mean(list, QueryScore::ndcg)));
    return means;
  }

  /** The figures, then per query that is not perfect: its scores, the misses and what ranked. */
  public void print(PrintWriter out, boolean misses) {
    out.printf(
        "%d queries, analysis %s: nDCG@%d %.3f   recall@%d %.3f   MRR %.3f%n",
        scores.size(),
        analysis == null ? "unknown" : analysis,
        cutoff,
        ndcg(),
        cutoff,
        recall(),
        mrr());
    StringBuilder kinds = new StringBuilder("nDCG@" + cutoff + " by kind:");
    ndcgByKind()
        .forEach(
            (kind, value) ->
                kinds.append(String.format("  %s %.3f (%d)", kind, value, count(kind))));
    out.println(kinds);
    if (!misses) {
      return;
    }
    for (QueryScore score : scores) {
      if (score.missing().isEmpty() && score.ndcg() > 0.999) {
        continue;
      }
      out.printf(
          "%n%-45s nDCG %.2f  recall %.2f  RR %.2f%n",
          "'" + score.query().text() + "'", score.ndcg(), score.recall(), score.reciprocalRank());
      if (!score.missing().isEmpty()) {
        out.println("  missing: " + String.join(" ", score.missing().stream().sorted().toList()));
      }
      for (int i = 0; i < Math.min(5, score.ranked().size()); i++) {
        Set<String> hit = score.ranked().get(i);
        boolean relevant = hit.stream().anyMatch(score.query().relevant()::contains);
        out.printf(
            "  %2d. %s %s%n",
            i + 1, relevant ? "+" : " ", String.join(",", hit.stream().sorted().toList()));
      }
    }
    out.flush();
  }

  private long count(String kind) {
    return scores.stream().filter(s -> s.query().kind().equals(kind)).count();
  }

  private static double mean(List<QueryScore> list, ToDoubleFunction<QueryScore> value) {
    return list.stream().mapToDouble(value).average().orElse(0);
  }
}
