package nl.kamerstukken.kit.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.kamerstukken.model.Topics;
import org.junit.jupiter.api.Test;

class EventSchemaTest {

  private static final String SHA = "ab".repeat(32);
  private static final String RECEIVED =
      "{\"documentId\":\"%s\",\"sourcePath\":\"a.pdf\",\"fileName\":\"a.pdf\","
          + "\"mediaType\":\"application/pdf\",\"sizeBytes\":3,\"sha256\":\"%s\","
          + "\"blobUri\":\"%s\",\"receivedAt\":\"2026-01-01T00:00:00Z\"}";

  private final EventSchema schema = EventSchema.of(Topics.RECEIVED);

  @Test
  void theSchemaIsCompiledOncePerJvmAndSharedByPrefixedTopics() {
    assertThat(EventSchema.of(Topics.RECEIVED.withPrefix("it-1."))).isSameAs(schema);
    assertThat(EventSchema.of(Topics.PARSED)).isNotSameAs(schema);
    assertThat(schema.name()).isEqualTo("document-received.schema.json");
  }

  @Test
  void aValidEventUnderItsOwnIdPassesAndATombstoneToo() {
    EventCheck check = schema.check(SHA, bytes(RECEIVED.formatted(SHA, SHA, "file:///b/x")));

    assertThat(check.valid()).isTrue();
    assertThat(check.event().path("fileName").asText()).isEqualTo("a.pdf");
    assertThat(schema.check(SHA, (byte[]) null).valid()).isTrue();
  }

  @Test
  void aClaimCheckOfAnotherSchemeIsRefusedNamingTheFieldAndTheRule() {
    EventCheck check =
        schema.check(SHA, bytes(RECEIVED.formatted(SHA, SHA, "http://169.254.169.254/x")));

    assertThat(check.valid()).isFalse();
    assertThat(check.problem())
        .contains("document-received.schema.json", "$.blobUri", "^(file|s3):");
  }

  @Test
  void anEventUnderAnotherDocumentsKeyIsRefused() {
    EventCheck check =
        schema.check("c".repeat(64), bytes(RECEIVED.formatted(SHA, SHA, "s3://b/k")));

    assertThat(check.valid()).isFalse();
    assertThat(check.problem()).contains("key [" + "c".repeat(64) + "]", "documentId [" + SHA);
  }

  @Test
  void bytesThatAreNoJsonOrNoObjectAreRefused() {
    assertThat(schema.check(SHA, bytes("no json here")).problem()).contains("not JSON");
    assertThat(schema.check(SHA, bytes("")).problem()).contains("empty");
    assertThat(schema.check(SHA, bytes("[1,2]")).problem()).contains("$: array found, object");
  }

  @Test
  void anAlertAboutACaseIsKeyedByItsIdempotencyKeyNotTheCase() {
    String alert =
        """
        {"idempotencyKey": "%s", "alertName": "kolen", "qaId": "kv-tk-1-qa-1",
         "questionNumbers": ["1"], "answerVersion": "0123456789abcdef",
         "matchedAt": "2026-12-02T10:00:00Z", "kind": "postponed", "caseKey": "2025Z09003"}
        """
            .formatted(SHA);
    EventSchema alerts = EventSchema.of(Topics.ALERTS);

    assertThat(alerts.check(SHA, bytes(alert)).valid()).isTrue();
    assertThat(alerts.check("2025Z09003", bytes(alert)).problem()).contains("idempotencyKey");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
