package nl.kamerstukken.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

  private static final String SHA = "a".repeat(64);

  @Test
  void parsedDocumentSurvivesTheTopicSerde() {
    DocumentParsed parsed =
        new DocumentParsed(
            SHA,
            new SourceFile("a.pdf", SHA, "application/pdf", 10, "a.pdf", "file:///b/" + SHA),
            new DocumentMetadata(
                "ah-tk-20232024-1234",
                "aanhangsel-antwoord",
                "2023-2024",
                null,
                "1234",
                "titel",
                LocalDate.of(2024, 1, 2),
                List.of("Jansen"),
                List.of("VVD"),
                List.of(),
                List.of(),
                null,
                null,
                List.of("2024Z00001"),
                null,
                null,
                null,
                null),
            2,
            "tekst",
            List.of(new Segment(List.of("3", "4", "5"), "Vraag?")),
            List.of(new Segment(List.of("3", "4", "5"), "Antwoord.")),
            List.of(),
            List.of(),
            Instant.parse("2024-01-02T10:00:00Z"),
            Instant.parse("2024-01-02T10:00:01Z"));

    byte[] bytes = Topics.PARSED.valueSerde().serializer().serialize(Topics.PARSED.name(), parsed);
    DocumentParsed back =
        Topics.PARSED.valueSerde().deserializer().deserialize(Topics.PARSED.name(), bytes);

    assertThat(back).isEqualTo(parsed);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("\"date\":\"2024-01-02\"")
        .contains("\"numbers\":[\"3\",\"4\",\"5\"]")
        .contains("\"receivedDate\":null");
  }

  @Test
  void tombstonesPassThroughAsNull() {
    assertThat(Topics.RECEIVED.valueSerde().serializer().serialize("t", null)).isNull();
    assertThat(Topics.RECEIVED.valueSerde().deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void garbageOnATopicIsASerializationErrorNamingTheType() {
    byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Topics.RECEIVED.valueSerde().deserializer().deserialize("t", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("DocumentReceived");
  }

  @Test
  void missingListsReadAsEmptyNotNull() {
    byte[] minimal =
        ("{\"documentId\":\"x\",\"source\":{\"fileName\":\"a\",\"sha256\":\""
                + SHA
                + "\",\"mediaType\":\"text/plain\",\"sizeBytes\":1},\"pageCount\":0}")
            .getBytes(StandardCharsets.UTF_8);

    DocumentParsed parsed = Topics.PARSED.valueSerde().deserializer().deserialize("t", minimal);

    assertThat(parsed.questions()).isEmpty();
    assertThat(parsed.metadata().askedBy()).isEmpty();
    assertThat(parsed.text()).isEmpty();
  }

  @Test
  void aReasonCodeWrittenByANewerVersionReadsAsUnknown() {
    byte[] letter =
        ("{\"documentId\":null,\"stage\":\"PARSE\",\"reasonCode\":\"SOMETHING_NEW\","
                + "\"message\":\"m\",\"attempts\":1,\"failedAt\":\"2026-01-01T00:00:00Z\","
                + "\"originalTopic\":\"t\",\"originalEvent\":null}")
            .getBytes(StandardCharsets.UTF_8);

    DeadLetter read = Topics.DEAD_LETTER.valueSerde().deserializer().deserialize("t", letter);

    assertThat(read.reasonCode()).isEqualTo(ReasonCode.UNKNOWN);
    assertThat(read.reasonCode().category().redrivable()).isFalse();
  }

  @Test
  void aReasonCodeIsWrittenAsItsName() throws Exception {
    DeadLetter letter =
        new DeadLetter(
            null,
            Stage.PARSE,
            ReasonCode.BLOB_HASH_MISMATCH,
            "m",
            1,
            Instant.EPOCH,
            "t",
            null,
            null);

    String json = new String(Topics.DEAD_LETTER.valueSerde().serializer().serialize("t", letter));

    assertThat(json).contains("\"reasonCode\":\"BLOB_HASH_MISMATCH\"");
  }

  @Test
  void topicNamesAreTheOnesUsersSubscribeTo() {
    assertThat(Topics.all())
        .extracting(Topic::name)
        .containsExactly(
            "kamerstukken.documents.received",
            "kamerstukken.documents.parsed",
            "kamerstukken.kamerstukken",
            "kamerstukken.kamervragen",
            "kamerstukken.documents.dlq",
            "kamerstukken.alerts.subscriptions",
            "kamerstukken.alerts");
  }

  @Test
  void aPrefixedTopicKeepsItsSerdesAndAddsTheNamespace() {
    Topic<String, DocumentParsed> prefixed = Topics.PARSED.withPrefix("it-42.");

    assertThat(prefixed.name()).isEqualTo("it-42.kamerstukken.documents.parsed");
    assertThat(prefixed.valueSerde()).isSameAs(Topics.PARSED.valueSerde());
    assertThat(Topics.PARSED.withPrefix("")).isSameAs(Topics.PARSED);
  }
}
