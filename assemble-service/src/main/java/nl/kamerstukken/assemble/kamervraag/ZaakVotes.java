package nl.kamerstukken.assemble.kamervraag;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Zaak numbers that documents with one derived key give, by Kamerstuk key: what the case
 * assembly learns so that a document without the number joins the Zaak-keyed case as soon as any
 * document of the case reveals it, whatever the order of arrival.
 *
 * @param zaakByKamerstuk Kamerstuk key to the Zaak number it gives
 */
public record ZaakVotes(Map<String, String> zaakByKamerstuk) {

  public ZaakVotes {
    zaakByKamerstuk =
        zaakByKamerstuk == null
            ? sortedEmpty()
            : Collections.unmodifiableSortedMap(new TreeMap<>(zaakByKamerstuk));
  }

  public static ZaakVotes empty() {
    return new ZaakVotes(Map.of());
  }

  public ZaakVotes with(String kamerstukKey, String zaak) {
    Map<String, String> next = new TreeMap<>(zaakByKamerstuk);
    next.put(kamerstukKey, zaak);
    return new ZaakVotes(next);
  }

  public ZaakVotes without(String kamerstukKey) {
    Map<String, String> next = new TreeMap<>(zaakByKamerstuk);
    next.remove(kamerstukKey);
    return next.isEmpty() ? null : new ZaakVotes(next);
  }

  /** The smallest Zaak number given (one, in every case seen), or null. */
  public String zaak() {
    return zaakByKamerstuk.values().stream().sorted().findFirst().orElse(null);
  }

  /**
   * Sorted, so that equal contents serialise to equal bytes: a foreign-key join compares hashes of
   * the serialised value to drop stale results.
   */
  private static <V> Map<String, V> sortedEmpty() {
    return Collections.unmodifiableSortedMap(new TreeMap<>());
  }
}
