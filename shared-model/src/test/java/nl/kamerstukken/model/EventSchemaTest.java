package nl.kamerstukken.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventSchemaTest {

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  @ParameterizedTest(name = "{0} is valid against {1}")
  @CsvSource({
    "document-received.json, document-received.schema.json",
    "document-parsed.json, document-parsed.schema.json",
    "dead-letter.json, dead-letter.schema.json",
    "kamerstuk.json, kamerstuk.schema.json",
    "kamervraag.json, kamervraag.schema.json"
  })
  void exampleEventsAreValidAgainstTheirSchemas(String example, String schema) {
    assertThat(validate(schema, resource("/examples/" + example))).isEmpty();
  }

  @ParameterizedTest(name = "example {0} reads as {1} and writes back valid")
  @CsvSource({
    "document-received.json, nl.kamerstukken.model.DocumentReceived, document-received.schema.json",
    "document-parsed.json, nl.kamerstukken.model.DocumentParsed, document-parsed.schema.json",
    "dead-letter.json, nl.kamerstukken.model.DeadLetter, dead-letter.schema.json",
    "kamerstuk.json, nl.kamerstukken.model.Kamerstuk, kamerstuk.schema.json",
    "kamervraag.json, nl.kamerstukken.model.Kamervraag, kamervraag.schema.json"
  })
  void exampleEventsRoundTripThroughTheRecords(String example, Class<?> type, String schema)
      throws IOException {
    JsonNode original = resource("/examples/" + example);
    Object event = Json.mapper().treeToValue(original, type);

    JsonNode written = Json.mapper().valueToTree(event);

    assertThat(validate(schema, written)).isEmpty();
    assertThat(original.equals(EventSchemaTest::sameValue, written))
        .as("written back:%n%s%nexample:%n%s", written, original)
        .isTrue();
  }

  @Test
  void schemaRejectsAParsedDocumentWithoutQuestionsList() {
    ObjectNode broken = (ObjectNode) resource("/examples/document-parsed.json");
    broken.remove("questions");

    assertThat(validate("document-parsed.schema.json", broken))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("questions"));
  }

  @Test
  void schemaRejectsALowerCaseReasonCode() {
    ObjectNode broken = (ObjectNode) resource("/examples/dead-letter.json");
    broken.put("reasonCode", "unreadable");

    assertThat(validate("dead-letter.schema.json", broken)).isNotEmpty();
  }

  @Test
  void schemaRejectsACaseWithAStatusOutsideTheVocabulary() {
    ObjectNode broken = (ObjectNode) resource("/examples/kamervraag.json");
    broken.put("status", "ANSWERED");

    assertThat(validate("kamervraag.schema.json", broken)).isNotEmpty();
  }

  @Test
  void schemaRejectsAKamerstukWithoutFiles() {
    ObjectNode broken = (ObjectNode) resource("/examples/kamerstuk.json");
    broken.putArray("files");

    assertThat(validate("kamerstuk.schema.json", broken)).isNotEmpty();
  }

  /** Jackson reads 98399 as int and writes a long field as long; both are the same JSON. */
  private static int sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  }

  private static Set<ValidationMessage> validate(String schemaName, JsonNode event) {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = EventSchemaTest.class.getResourceAsStream("/schemas/" + schemaName)) {
      JsonSchema schema = FACTORY.getSchema(in, config);
      return schema.validate(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode resource(String path) {
    try (InputStream in = EventSchemaTest.class.getResourceAsStream(path)) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
