package nl.kamerstukken.assemble.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde that trusts nothing it reads: a record must be JSON, valid against the event's JSON
 * Schema (shared-model {@code /schemas/<name>}), and readable as the record type, else {@link
 * SerializationException} names what is wrong; Kafka Streams hands that to {@link
 * DeadLetteringHandlers.Deserialization}, which dead-letters the record and goes on. Writing is
 * plain JSON. A null (tombstone) passes both ways.
 */
public final class ValidatingSerde<T> implements Serde<T>, Deserializer<T> {

  private static final int MAX_PROBLEMS = 5;

  private final Class<T> type;
  private final Serde<T> json;
  private final JsonSerde<T> reader;
  private final JsonSchema schema;

  public ValidatingSerde(Class<T> type, Serde<T> json, String schemaName) {
    this.type = type;
    this.json = json;
    this.reader = new JsonSerde<>(type);
    this.schema = load(schemaName);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(data);
    } catch (IOException e) {
      throw new SerializationException("record on " + topic + " is not JSON: " + e.getMessage());
    }
    Set<ValidationMessage> problems = schema.validate(tree);
    if (!problems.isEmpty()) {
      throw new SerializationException(
          "record on "
              + topic
              + " is not a valid "
              + type.getSimpleName()
              + ": "
              + problems.stream()
                  .limit(MAX_PROBLEMS)
                  .map(ValidationMessage::getMessage)
                  .collect(Collectors.joining("; ")));
    }
    // The tree parsed for the schema is bound as it is: the bytes, a whole document's text, are
    // parsed once (a second parse was 4 % of this service's CPU in a profile, docs/performance.md).
    return reader.fromTree(topic, tree);
  }

  @Override
  public Serializer<T> serializer() {
    return json.serializer();
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    // nothing to configure: the schema and the mapping are fixed
  }

  @Override
  public void close() {
    // nothing held
  }

  private static JsonSchema load(String name) {
    try (InputStream in = ValidatingSerde.class.getResourceAsStream("/schemas/" + name)) {
      if (in == null) {
        throw new IllegalStateException("schema " + name + " is missing from shared-model");
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + name, e);
    }
  }
}
