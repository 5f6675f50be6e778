package nl.kamerstukken.assemble.kamerstuk;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import nl.kamerstukken.model.DocumentMetadata;

/**
 * The publisher metadata records that share one stem (a record may come as {@code .metadata.xml}
 * and as {@code .metadata_owms.xml}), by document id.
 *
 * @param records document id to the record's values
 */
public record StemRecords(Map<String, DocumentMetadata> records) {

  public StemRecords {
    records =
        records == null ? sortedEmpty() : Collections.unmodifiableSortedMap(new TreeMap<>(records));
  }

  public static StemRecords empty() {
    return new StemRecords(Map.of());
  }

  public StemRecords with(String documentId, DocumentMetadata metadata) {
    Map<String, DocumentMetadata> next = new TreeMap<>(records);
    next.put(documentId, metadata);
    return new StemRecords(next);
  }

  /** Without the record; null when none is left (the stem's row is deleted). */
  public StemRecords without(String documentId) {
    Map<String, DocumentMetadata> next = new TreeMap<>(records);
    next.remove(documentId);
    return next.isEmpty() ? null : new StemRecords(next);
  }

  /** The identifier the records give (of the smallest document id that has one), or null. */
  String identifier() {
    return new TreeMap<>(records)
        .values().stream()
            .map(DocumentMetadata::identifier)
            .filter(id -> id != null && !id.isBlank())
            .findFirst()
            .orElse(null);
  }

  /**
   * Sorted, so that equal contents serialise to equal bytes: a foreign-key join compares hashes of
   * the serialised value to drop stale results.
   */
  private static <V> Map<String, V> sortedEmpty() {
    return Collections.unmodifiableSortedMap(new TreeMap<>());
  }
}
