package nl.kamerstukken.index.elasticsearch;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where search documents are read and written: the aliases (the service, always), or the concrete
 * indices of a version being built (a reindex, before its aliases are switched).
 *
 * @param names the alias or index per collection
 * @param aliases whether {@link #names} are aliases: then writes use {@code require_alias}, so a
 *     vanished alias fails instead of auto-creating an index with guessed mappings
 */
public record IndexTargets(Map<SearchIndex, String> names, boolean aliases) {

  public IndexTargets {
    names = Map.copyOf(new EnumMap<>(names));
    for (SearchIndex index : SearchIndex.values()) {
      if (!names.containsKey(index)) {
        throw new IllegalArgumentException("no target for " + index + " in " + names);
      }
    }
  }

  /** The aliases under {@code names}' prefix: what the service reads and writes. */
  public static IndexTargets aliases(IndexNames names) {
    Map<SearchIndex, String> map = new EnumMap<>(SearchIndex.class);
    for (SearchIndex index : SearchIndex.values()) {
      map.put(index, names.alias(index));
    }
    return new IndexTargets(map, true);
  }

  /** Concrete indices, e.g. the {@code -v2} pair a reindex fills before it switches the aliases. */
  public static IndexTargets indices(Map<SearchIndex, String> indices) {
    return new IndexTargets(indices, false);
  }

  public String name(SearchIndex index) {
    return names.get(index);
  }
}
