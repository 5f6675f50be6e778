package nl.kamerstukken.assemble.kamerstuk;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every file that currently carries one Kamerstuk key, by document id: the aggregate of the
 * Kamerstuk. Adding a file that is already there replaces it; a Kamerstuk whose last file left is
 * deleted (null).
 *
 * @param key the Kamerstuk key (null in the empty aggregate)
 * @param files document id to the file
 */
public record KamerstukFiles(String key, Map<String, FileEntry> files) {

  public KamerstukFiles {
    files = files == null ? sortedEmpty() : Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  public static KamerstukFiles empty() {
    return new KamerstukFiles(null, Map.of());
  }

  public KamerstukFiles with(String kamerstukKey, FileEntry file) {
    Map<String, FileEntry> next = new TreeMap<>(files);
    next.put(file.documentId(), file);
    return new KamerstukFiles(kamerstukKey, next);
  }

  /** Without the file; null when no file is left. */
  public KamerstukFiles without(String documentId) {
    Map<String, FileEntry> next = new TreeMap<>(files);
    next.remove(documentId);
    return next.isEmpty() ? null : new KamerstukFiles(key, next);
  }

  /** The renditions, best first by {@link Representative#ORDER}. */
  public List<FileEntry> renditions() {
    return files.values().stream().filter(f -> !f.isRecord()).sorted(Representative.ORDER).toList();
  }

  /** The publisher metadata records, by document id. */
  public List<FileEntry> records() {
    return files.values().stream()
        .filter(FileEntry::isRecord)
        .sorted(Comparator.comparing(FileEntry::documentId))
        .toList();
  }

  /** The document id of the representative rendition, or null when there is no rendition. */
  public String representative() {
    List<FileEntry> renditions = renditions();
    return renditions.isEmpty() ? null : renditions.get(0).documentId();
  }

  /**
   * Sorted, so that equal contents serialise to equal bytes: a foreign-key join compares hashes of
   * the serialised value to drop stale results.
   */
  private static <V> Map<String, V> sortedEmpty() {
    return Collections.unmodifiableSortedMap(new TreeMap<>());
  }
}
