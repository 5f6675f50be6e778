package nl.kamerstukken.model;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the types of its keys and values. Service code names topics only through
 * {@link Topics}.
 *
 * @param name the topic's name
 * @param keySerde how keys are written and read
 * @param valueSerde how values are written and read; a {@code null} value is a tombstone
 * @param schema the JSON Schema every non-null value must match: the name of a resource in {@code
 *     /schemas/} of this module (e.g. {@code document-received.schema.json}); consumers validate
 *     each record against it before they read it
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, String schema) {

  /** The classpath resource of {@link #schema()}, for {@code Class.getResourceAsStream}. */
  public String schemaResource() {
    return "/schemas/" + schema;
  }

  /**
   * The same topic under a namespace prefix, e.g. {@code it-1234.kamerstukken.documents.parsed}, so
   * that test runs or tenants sharing one cluster do not see each other's events. An empty prefix
   * is this topic.
   */
  public Topic<K, V> withPrefix(String prefix) {
    return prefix == null || prefix.isEmpty()
        ? this
        : new Topic<>(prefix + name, keySerde, valueSerde, schema);
  }

  @Override
  public String toString() {
    return name;
  }
}
