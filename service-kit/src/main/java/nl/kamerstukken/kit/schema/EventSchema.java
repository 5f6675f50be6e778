package nl.kamerstukken.kit.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.Topic;

/**
 * The JSON Schema of a topic's events (shared-model's {@code /schemas/}), compiled once per JVM and
 * shared by every reader of the topic: consumers check each record with {@link #check} before they
 * use it. Besides the schema, the catalog's rule that an event's own id (documentId, key or
 * caseKey) is its record's key is checked. Unknown extra fields pass (the schemas allow them), so
 * older readers accept newer events. Thread-safe.
 */
public final class EventSchema {

  /**
   * The field that names an event's own id, by kind of event: files ({@code documentId}),
   * Kamerstukken ({@code key}), Kamervraag cases ({@code caseKey}), alerts ({@code idempotencyKey},
   * first: an alert names its case too), saved searches ({@code name}). The first one present
   * counts.
   */
  private static final List<String> ID_FIELDS =
      List.of("idempotencyKey", "documentId", "key", "caseKey", "name");

  /** More messages than this say nothing new; the dead letter stays readable. */
  private static final int MAX_PROBLEMS = 10;

  private static final Map<String, EventSchema> COMPILED = new ConcurrentHashMap<>();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private final String name;
  private final JsonSchema schema;

  private EventSchema(String name, JsonSchema schema) {
    this.name = name;
    this.schema = schema;
  }

  /** The compiled schema of {@code topic} (compiled at the first call, then reused). */
  public static EventSchema of(Topic<?, ?> topic) {
    return COMPILED.computeIfAbsent(topic.schemaResource(), EventSchema::compile);
  }

  private static EventSchema compile(String resource) {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build();
    try (InputStream in = EventSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the JSON Schema " + resource + " is not on the class path (shared-model is missing?)");
      }
      JsonSchema schema = FACTORY.getSchema(in, config);
      // Resolves every $ref now: later validations share the compiled validators, thread-safe.
      schema.initializeValidators();
      return new EventSchema(resource.substring(resource.lastIndexOf('/') + 1), schema);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JSON Schema " + resource, e);
    }
  }

  /** The schema's file name, e.g. {@code document-received.schema.json}. */
  public String name() {
    return name;
  }

  /** What is wrong with {@code event} by the schema (empty when it is valid). */
  public List<String> problems(JsonNode event) {
    Set<ValidationMessage> messages = schema.validate(event);
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /**
   * Reads and checks one record of the topic: {@code value} must be JSON that the schema accepts,
   * and its own id (the first of {@code documentId}, {@code key}, {@code caseKey} it has) must be
   * {@code key}. A {@code null} value is a tombstone and valid.
   */
  public EventCheck check(String key, byte[] value) {
    if (value == null) {
      return EventCheck.valid(null);
    }
    JsonNode event;
    try {
      event = Json.mapper().readTree(value);
    } catch (JsonProcessingException e) {
      return EventCheck.invalid("the record is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return EventCheck.invalid("the record is not JSON: " + e.getMessage());
    }
    if (event == null || event.isMissingNode()) {
      return EventCheck.invalid("the record is empty");
    }
    return check(key, event);
  }

  /** As {@link #check(String, byte[])} for a value that is already parsed. */
  public EventCheck check(String key, JsonNode event) {
    List<String> problems = problems(event);
    if (!problems.isEmpty()) {
      return EventCheck.invalid(
          "the event does not match its schema "
              + name
              + ": "
              + problems.stream().limit(MAX_PROBLEMS).collect(Collectors.joining("; "))
              + (problems.size() > MAX_PROBLEMS
                  ? " (and " + (problems.size() - MAX_PROBLEMS) + " more)"
                  : ""));
    }
    for (String idField : ID_FIELDS) {
      JsonNode id = event.get(idField);
      if (id != null && id.isTextual()) {
        if (!Objects.equals(key, id.asText())) {
          return EventCheck.invalid(
              "the record's key ["
                  + key
                  + "] is not the event's "
                  + idField
                  + " ["
                  + id.asText()
                  + "]: every event is keyed by its own id");
        }
        break;
      }
    }
    return EventCheck.valid(event);
  }
}
