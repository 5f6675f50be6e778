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
    "kamervraag.json, kamervraag.schema.json",
    "alert-subscription.json, alert-subscription.schema.json",
    "alert-match.json, alert-match.schema.json"
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
    "kamervraag.json, nl.kamerstukken.model.Kamervraag, kamervraag.schema.json",
    "alert-subscription.json, nl.kamerstukken.model.AlertSubscription,"
        + " alert-subscription.schema.json",
    "alert-match.json, nl.kamerstukken.model.AlertMatch, alert-match.schema.json"
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
  void everyTopicNamesASchemaThatExists() {
    assertThat(Topics.all())
        .allSatisfy(
            topic ->
                assertThat(EventSchemaTest.class.getResource(topic.schemaResource()))
                    .as("schema of %s", topic)
                    .isNotNull());
    assertThat(Topics.RECEIVED.withPrefix("it-1.").schema()).isEqualTo(Topics.RECEIVED.schema());
  }

  @ParameterizedTest(name = "a received event with blobUri {0} is refused")
  @CsvSource({
    "http://evil.example/etc/passwd",
    "https://bucket.s3.amazonaws.com/x",
    "ftp://host/blob",
    "/var/lib/kamerstukken/blobs/aa/bb/x",
    "jar:file:///x.jar!/y",
    "''"
  })
  void aClaimCheckThatIsNeitherAFileNorAnS3UriIsRefused(String blobUri) {
    ObjectNode event = (ObjectNode) resource("/examples/document-received.json");
    event.put("blobUri", blobUri);

    assertThat(validate("document-received.schema.json", event))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("blobUri"));
  }

  @ParameterizedTest(name = "a received event with {0} = {1} is refused")
  @CsvSource({
    "documentId, 3F1B0C9A4E2D5F6A7B8C9D0E1F2A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C",
    "documentId, 3f1b0c9a",
    "documentId, ../../etc/passwd",
    "sha256, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "sha256, zz1b0c9a4e2d5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c"
  })
  void idsThatAreNotSixtyFourLowerCaseHexDigitsAreRefused(String field, String value) {
    ObjectNode event = (ObjectNode) resource("/examples/document-received.json");
    event.put(field, value);

    assertThat(validate("document-received.schema.json", event))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains(field));
  }

  @Test
  void aNegativeSizeAndAMissingClaimCheckAreRefused() {
    ObjectNode event = (ObjectNode) resource("/examples/document-received.json");
    event.put("sizeBytes", -1);
    event.remove("blobUri");

    assertThat(validate("document-received.schema.json", event))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("sizeBytes"))
        .anySatisfy(message -> assertThat(message).contains("blobUri"));
  }

  @Test
  void unknownExtraFieldsAreAcceptedSoOlderReadersTakeNewerEvents() {
    ObjectNode received = (ObjectNode) resource("/examples/document-received.json");
    received.put("addedInALaterVersion", "anything");
    ObjectNode parsed = (ObjectNode) resource("/examples/document-parsed.json");
    parsed.putObject("laterObject").put("x", 1);

    assertThat(validate("document-received.schema.json", received)).isEmpty();
    assertThat(validate("document-parsed.schema.json", parsed)).isEmpty();
  }

  @Test
  void aParsedDocumentNeedsAHexIdAndAStoreClaimCheckOrNone() {
    ObjectNode parsed = (ObjectNode) resource("/examples/document-parsed.json");
    parsed.put("documentId", "kst-26643-1522");
    ((ObjectNode) parsed.get("source")).put("blobUri", "http://169.254.169.254/latest/meta-data");

    assertThat(validate("document-parsed.schema.json", parsed))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("documentId"))
        .anySatisfy(message -> assertThat(message).contains("blobUri"));

    ObjectNode offline = (ObjectNode) resource("/examples/document-parsed.json");
    ((ObjectNode) offline.get("source")).putNull("blobUri");
    assertThat(validate("document-parsed.schema.json", offline)).isEmpty();
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
