package nl.kamerstukken.cli.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Stage;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Which dead letters {@code dlq retry} takes, and which it refuses to re-drive. */
class DlqRetryChoiceTest {

  private static final String TOPIC = "t.kamerstukken.documents.dlq";
  private static final String RECEIVED = "t.kamerstukken.documents.received";

  @Test
  void allTakesTheLatestOpenDeadLetterPerDocumentAndNothingBeforeTheMark() {
    // Given: document a failed twice (offsets 1 and 3), b once before the mark (offset 0), c once
    // (offset 2)
    DeadLetterLog log =
        DeadLetterLog.of(
            TOPIC,
            List.of(
                entry(0, letter("b", Stage.PARSE, ReasonCode.UNREADABLE_DOCUMENT, 10)),
                entry(1, letter("a", Stage.PARSE, ReasonCode.PARSE_TIMEOUT, 20)),
                entry(2, letter("c", Stage.INDEX, ReasonCode.INDEX_REJECTED, 30)),
                entry(3, letter("a", Stage.PARSE, ReasonCode.PARSE_TIMEOUT, 40))),
            Map.of(new TopicPartition(TOPIC, 0), 4L),
            Map.of(new TopicPartition(TOPIC, 0), 1L));

    // When --all chooses
    List<DeadLetterLog.Entry> chosen = DlqRetryCommand.latestOpenPerDocument(log);

    // Then a once (its latest) and c; b was re-driven before
    assertThat(chosen).extracting(DeadLetterLog.Entry::id).containsExactlyInAnyOrder("0:3", "0:2");
    assertThat(log.isOpen(log.entries().get(0))).isFalse();
  }

  @Test
  void anIdIsAnOffsetOrTheLatestDeadLetterOfADocument() {
    String document = "abcdef0123456789";
    DeadLetterLog log =
        DeadLetterLog.of(
            TOPIC,
            List.of(
                entry(5, letter(document, Stage.PARSE, ReasonCode.PARSE_TIMEOUT, 10)),
                entry(9, letter(document, Stage.PARSE, ReasonCode.OUT_OF_MEMORY, 20))),
            Map.of(),
            Map.of());

    assertThat(DlqRetryCommand.byId(log, "0:5"))
        .extracting(DeadLetterLog.Entry::id)
        .containsExactly("0:5");
    assertThat(DlqRetryCommand.byId(log, "abcdef01"))
        .extracting(DeadLetterLog.Entry::id)
        .containsExactly("0:9");
    assertThat(DlqRetryCommand.byId(log, "abc")).isEmpty();
    assertThat(DlqRetryCommand.byId(log, "0:6")).isEmpty();
  }

  @Test
  void refusedFilesAndInvalidEventsAreNotReDriven() {
    DeadLetter refused =
        new DeadLetter(
            null,
            Stage.INGEST,
            ReasonCode.OUTSIDE_WATCHED_FOLDER,
            "link out",
            1,
            Instant.EPOCH,
            null,
            null,
            Json.mapper().createObjectNode().put("sourcePath", "x.pdf"));
    DeadLetter invalid =
        new DeadLetter(
            "k",
            Stage.PARSE,
            ReasonCode.INVALID_EVENT,
            "not json",
            1,
            Instant.EPOCH,
            RECEIVED,
            "k",
            null);

    assertThat(Redrive.whyNot(refused)).contains("fix the file in the inbox");
    assertThat(Redrive.whyNot(invalid)).contains("not a valid or safe event");
    assertThat(Redrive.whyNot(letter("a", Stage.PARSE, ReasonCode.PARSE_TIMEOUT, 1))).isNull();
    assertThat(Redrive.whyNot(null)).contains("not a readable dead letter");
  }

  @Test
  void theFileNameComesFromTheOriginalEvent() {
    assertThat(FileNames.of(letter("a", Stage.PARSE, ReasonCode.UNREADABLE_DOCUMENT, 1)))
        .isEqualTo("a.pdf");
    DeadLetter indexed =
        new DeadLetter(
            "a",
            Stage.INDEX,
            ReasonCode.INDEX_REJECTED,
            "m",
            1,
            Instant.EPOCH,
            RECEIVED,
            "a",
            Json.mapper()
                .createObjectNode()
                .set("source", Json.mapper().createObjectNode().put("fileName", "b.pdf")));
    assertThat(FileNames.of(indexed)).isEqualTo("b.pdf");
  }

  private static DeadLetterLog.Entry entry(long offset, DeadLetter letter) {
    return new DeadLetterLog.Entry(0, offset, letter);
  }

  private static DeadLetter letter(String document, Stage stage, ReasonCode reason, long second) {
    return new DeadLetter(
        document,
        stage,
        reason,
        "why",
        1,
        Instant.ofEpochSecond(second),
        RECEIVED,
        document,
        Json.mapper()
            .createObjectNode()
            .put("documentId", document)
            .put("fileName", document + ".pdf"));
  }
}
