package nl.kamerstukken.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one event type, using {@link Json#mapper()}. {@code null} maps to {@code null}
 * both ways, so tombstones pass through. A record that is not valid JSON of the type throws {@link
 * SerializationException}; consumers turn that into a dead letter.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

  private final Class<T> type;

  public JsonSerde(Class<T> type) {
    this.type = type;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      return Json.mapper().writeValueAsBytes(data);
    } catch (IOException e) {
      throw new SerializationException("cannot write " + type.getSimpleName() + " for " + topic, e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return Json.mapper().readValue(data, type);
    } catch (IOException e) {
      throw new SerializationException(
          "record on " + topic + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Reads a JSON value that was already parsed (e.g. to validate it against its schema first) as
   * the event type, without parsing the bytes again; {@code null} or a JSON null is a tombstone.
   */
  public T fromTree(String topic, JsonNode tree) {
    if (tree == null || tree.isNull()) {
      return null;
    }
    try {
      return Json.mapper().treeToValue(tree, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new SerializationException(
          "record on " + topic + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    // nothing to configure: the mapping is fixed by Json
  }

  @Override
  public void close() {
    // stateless: nothing to release
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }
}
