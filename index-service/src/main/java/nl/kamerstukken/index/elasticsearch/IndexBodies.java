package nl.kamerstukken.index.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import nl.kamerstukken.model.Json;

/**
 * The JSON bodies of the index templates and mappings; mappings come from resources beside this
 * class.
 */
final class IndexBodies {

  private IndexBodies() {}

  /**
   * Mappings: explicit and strict, so a field the code writes but the mapping lacks is a rejected
   * document (visible in the dead-letter topic), not a silently guessed type.
   */
  static ObjectNode mappings(SearchIndex index) {
    ObjectNode mappings = Json.mapper().createObjectNode();
    mappings.put("dynamic", "strict");
    ObjectNode properties = mappings.putObject("properties");
    if (index.kamerstukFields()) {
      properties.setAll((ObjectNode) read("common-properties.json"));
    }
    properties.setAll((ObjectNode) read(index.propertiesResource()));
    return mappings;
  }

  /** Settings of a new index: one shard (the corpus is small), replicas as the cluster allows. */
  static ObjectNode settings(Analysis analysis, int replicas) {
    ObjectNode settings = Json.mapper().createObjectNode();
    settings.put("number_of_shards", 1);
    settings.put("number_of_replicas", replicas);
    settings.set("analysis", analysis.settings());
    return settings;
  }

  /** A composable index template for every version {@code <alias>-v*} of one index. */
  static ObjectNode template(IndexNames names, SearchIndex index, Analysis analysis, int replicas) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.putArray("index_patterns").add(names.pattern(index));
    body.put("priority", 200);
    body.put("version", IndexNames.MAPPING_VERSION);
    body.putObject("_meta").put("managed_by", "index-service").put("analysis", analysis.name());
    ObjectNode template = body.putObject("template");
    template.set("settings", settings(analysis, replicas));
    template.set("mappings", mappings(index));
    return body;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = IndexBodies.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource " + resource + " is missing from the index-service jar");
      }
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
