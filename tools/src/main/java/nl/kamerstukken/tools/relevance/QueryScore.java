package nl.kamerstukken.tools.relevance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How well the first hits of one query match its judgement. Binary relevance: a hit counts when it
 * holds a relevant Q&A not already counted for a hit above it.
 *
 * @param query the judged query
 * @param ranked per hit, in rank order, the Q&A it holds ({@code <identifier>#<number>} for each of
 *     its question numbers)
 * @param ndcg nDCG at the cut-off
 * @param recall the share of relevant Q&A among the hits
 * @param reciprocalRank 1 / the rank of the first relevant hit, 0 when none is among the hits
 * @param missing relevant Q&A not among the hits
 */
public record QueryScore(
    JudgedQuery query,
    List<Set<String>> ranked,
    double ndcg,
    double recall,
    double reciprocalRank,
    Set<String> missing) {

  public QueryScore {
    ranked = ranked.stream().map(Set::copyOf).toList();
    missing = Set.copyOf(missing);
  }

  /** Scores the first {@code cutoff} of {@code ranked} against the judgement. */
  public static QueryScore of(JudgedQuery query, List<Set<String>> ranked, int cutoff) {
    List<Set<String>> top = ranked.subList(0, Math.min(cutoff, ranked.size()));
    Set<String> found = new HashSet<>();
    double dcg = 0;
    double reciprocalRank = 0;
    for (int i = 0; i < top.size(); i++) {
      List<String> fresh = new ArrayList<>(top.get(i));
      fresh.retainAll(query.relevant());
      fresh.removeAll(found);
      if (!fresh.isEmpty()) {
        dcg += 1 / log2(i + 2);
        reciprocalRank = reciprocalRank == 0 ? 1.0 / (i + 1) : reciprocalRank;
        found.addAll(fresh);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(query.relevant().size(), cutoff); i++) {
      ideal += 1 / log2(i + 2);
    }
    Set<String> missing = new HashSet<>(query.relevant());
    missing.removeAll(found);
    return new QueryScore(
        query,
        top,
        dcg / ideal,
        (double) found.size() / query.relevant().size(),
        reciprocalRank,
        missing);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
