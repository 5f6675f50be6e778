package nl.kamerstukken.assemble.kamervraag;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documents of one case, by Kamerstuk key: the aggregate a {@code Kamervraag} is computed from.
 *
 * @param contributions Kamerstuk key to what it gives the case
 */
public record CaseFiles(Map<String, CaseContribution> contributions) {

  public CaseFiles {
    contributions =
        contributions == null
            ? sortedEmpty()
            : Collections.unmodifiableSortedMap(new TreeMap<>(contributions));
  }

  public static CaseFiles empty() {
    return new CaseFiles(Map.of());
  }

  public CaseFiles with(CaseContribution contribution) {
    Map<String, CaseContribution> next = new TreeMap<>(contributions);
    next.put(contribution.kamerstukKey(), contribution);
    return new CaseFiles(next);
  }

  /** Without the document; null when no document is left (the case is deleted). */
  public CaseFiles without(String kamerstukKey) {
    Map<String, CaseContribution> next = new TreeMap<>(contributions);
    next.remove(kamerstukKey);
    return next.isEmpty() ? null : new CaseFiles(next);
  }

  /**
   * Sorted, so that equal contents serialise to equal bytes: a foreign-key join compares hashes of
   * the serialised value to drop stale results.
   */
  private static <V> Map<String, V> sortedEmpty() {
    return Collections.unmodifiableSortedMap(new TreeMap<>());
  }
}
