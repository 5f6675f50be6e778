package nl.kamerstukken.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.kit.kafka.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned indices behind the aliases ({@code <alias>-v1}, {@code -v2}, ...), for a rebuild:
 * make the next version from the templates, switch both aliases to it in one atomic {@code
 * _aliases} call, and remove versions that are no longer needed. Searches through the aliases never
 * see a missing or half-built index.
 */
public final class IndexVersions {

  private static final Logger LOG = LoggerFactory.getLogger(IndexVersions.class);

  private final ElasticsearchClient client;
  private final IndexNames names;
  private final IndexSetup setup;

  public IndexVersions(ElasticsearchClient client, IndexNames names) {
    this.client = client;
    this.names = names;
    this.setup = new IndexSetup(client, names);
  }

  /** The index each alias writes to now. */
  public Map<SearchIndex, String> current() throws RetryableException {
    Map<SearchIndex, String> current = new EnumMap<>(SearchIndex.class);
    for (SearchIndex index : SearchIndex.values()) {
      current.put(index, setup.writeIndex(names.alias(index)));
    }
    return current;
  }

  /**
   * One more than the highest version of either collection that exists, so both get the same
   * number.
   */
  public int nextVersion() throws RetryableException {
    int highest = 0;
    for (SearchIndex index : SearchIndex.values()) {
      for (int version : existingVersions(index)) {
        highest = Math.max(highest, version);
      }
    }
    return highest + 1;
  }

  /**
   * Creates {@code <alias>-v<version>} for both collections from the templates (their settings,
   * analysis and mappings), without aliases. The templates must be current: {@link
   * IndexSetup#ensure()} puts them.
   */
  public Map<SearchIndex, String> create(int version) throws RetryableException {
    Map<SearchIndex, String> created = new EnumMap<>(SearchIndex.class);
    for (SearchIndex index : SearchIndex.values()) {
      String name = names.concreteIndex(index, version);
      Failures.call("create index " + name, () -> client.indices().create(c -> c.index(name)));
      created.put(index, name);
    }
    LOG.info("created indices {}", created.values());
    return created;
  }

  /**
   * Points both aliases at {@code to} (write index) instead of {@code from}, in one atomic request.
   */
  public void switchAliases(Map<SearchIndex, String> from, Map<SearchIndex, String> to)
      throws RetryableException {
    List<Action> actions = new ArrayList<>();
    for (SearchIndex index : SearchIndex.values()) {
      String alias = names.alias(index);
      actions.add(Action.of(a -> a.remove(r -> r.index(from.get(index)).alias(alias))));
      actions.add(
          Action.of(a -> a.add(add -> add.index(to.get(index)).alias(alias).isWriteIndex(true))));
    }
    Failures.call("switch aliases", () -> client.indices().updateAliases(u -> u.actions(actions)));
    LOG.info("aliases switched from {} to {}", from.values(), to.values());
  }

  /**
   * Deletes indices (e.g. a half-built version after a failed rebuild); missing ones are ignored.
   */
  public void delete(Iterable<String> indices) throws RetryableException {
    for (String name : indices) {
      Failures.call(
          "delete index " + name,
          () -> client.indices().delete(d -> d.index(name).ignoreUnavailable(true)));
      LOG.info("deleted index [{}]", name);
    }
  }

  /** Deletes the versions of both collections below {@code version}; returns their names. */
  public List<String> deleteBelow(int version) throws RetryableException {
    List<String> deleted = new ArrayList<>();
    for (SearchIndex index : SearchIndex.values()) {
      for (int old : existingVersions(index)) {
        if (old < version) {
          deleted.add(names.concreteIndex(index, old));
        }
      }
    }
    delete(deleted);
    return deleted;
  }

  /** The version numbers of {@code <alias>-v<n>} indices that exist. */
  Set<Integer> existingVersions(SearchIndex index) throws RetryableException {
    Pattern version = Pattern.compile(Pattern.quote(names.alias(index)) + "-v(\\d+)");
    Set<String> existing =
        Failures.call(
                "list indices " + names.pattern(index),
                () ->
                    client
                        .indices()
                        .get(
                            g ->
                                g.index(names.pattern(index))
                                    .allowNoIndices(true)
                                    .ignoreUnavailable(true)))
            .indices()
            .keySet();
    Set<Integer> versions = new TreeSet<>();
    for (String name : existing) {
      Matcher matcher = version.matcher(name);
      if (matcher.matches()) {
        versions.add(Integer.parseInt(matcher.group(1)));
      }
    }
    return versions;
  }

  /** The version number of an index made by this service ({@code <alias>-v<n>}). */
  public static int versionOf(String index) {
    Matcher matcher = Pattern.compile(".*-v(\\d+)$").matcher(index);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(index + " is not a versioned index (<alias>-v<n>)");
    }
    return Integer.parseInt(matcher.group(1));
  }
}
