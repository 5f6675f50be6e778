package nl.kamerstukken.cli.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.kit.blob.BlobLocation;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Stage;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Which dead letters {@code dlq retry} takes, and which it refuses to re-drive. */
class DlqRetryChoiceTest {

  private static final String TOPIC = "t.kamerstukken.documents.dlq";
  private static final String RECEIVED = "t.kamerstukken.documents.received";
  private static final RedriveRules RULES =
      new RedriveRules(
          new KafkaSettings("127.0.0.1:9092", "test", 1, (short) 1, "t.", Map.of()),
          new BlobLocation.Folder(Path.of("/blobs")));

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

    assertThat(RULES.whyNot(refused)).contains("fix the file in the inbox");
    assertThat(RULES.whyNot(invalid)).contains("not a valid or safe event");
    assertThat(RULES.whyNot(letter("a", Stage.PARSE, ReasonCode.PARSE_TIMEOUT, 1))).isNull();
    assertThat(RULES.whyNot(null)).contains("not a readable dead letter");
  }

  @Test
  void anEventOutsideTheStoreOrRefusedByItsSchemaOrForAnotherTopicIsNeverReDriven() {
    DeadLetter outside = letter("a", Stage.PARSE, ReasonCode.BLOB_MISSING, 1);
    ((ObjectNode) outside.originalEvent()).put("blobUri", "file:///etc/passwd");
    DeadLetter link = letter("b", Stage.PARSE, ReasonCode.PARSE_TIMEOUT, 1);
    ((ObjectNode) link.originalEvent()).put("blobUri", "file:///blobs/aa/../../etc/shadow");
    DeadLetter bucket = letter("c", Stage.PARSE, ReasonCode.PARSE_TIMEOUT, 1);
    ((ObjectNode) bucket.originalEvent()).put("blobUri", "s3://another-bucket/x");
    DeadLetter http = letter("d", Stage.PARSE, ReasonCode.PARSE_TIMEOUT, 1);
    ((ObjectNode) http.originalEvent()).put("blobUri", "http://169.254.169.254/latest");
    DeadLetter otherKey =
        new DeadLetter(
            id("e"),
            Stage.PARSE,
            ReasonCode.PARSE_TIMEOUT,
            "why",
            1,
            Instant.EPOCH,
            RECEIVED,
            id("f"),
            letter("e", Stage.PARSE, ReasonCode.PARSE_TIMEOUT, 1).originalEvent());
    DeadLetter elsewhere =
        new DeadLetter(
            id("g"),
            Stage.PARSE,
            ReasonCode.PARSE_TIMEOUT,
            "why",
            1,
            Instant.EPOCH,
            "t.some-other-teams-topic",
            id("g"),
            letter("g", Stage.PARSE, ReasonCode.PARSE_TIMEOUT, 1).originalEvent());

    assertThat(RULES.whyNot(outside)).contains("outside the blob folder [/blobs]");
    assertThat(RULES.whyNot(link)).contains("outside the blob folder");
    assertThat(RULES.whyNot(bucket)).contains("outside the blob folder");
    assertThat(RULES.whyNot(http)).contains("not valid", "$.blobUri");
    assertThat(RULES.whyNot(otherKey)).contains("not valid", "key [" + id("f") + "]");
    assertThat(RULES.whyNot(elsewhere))
        .contains("t.some-other-teams-topic", "not one this pipeline");
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
    String id = id(document);
    return new DeadLetter(
        document,
        stage,
        reason,
        "why",
        1,
        Instant.ofEpochSecond(second),
        RECEIVED,
        id,
        Json.mapper()
            .valueToTree(
                new DocumentReceived(
                    id,
                    document + ".pdf",
                    document + ".pdf",
                    "application/pdf",
                    10,
                    id,
                    "file:///blobs/" + id.substring(0, 2) + "/" + id.substring(2, 4) + "/" + id,
                    Instant.EPOCH)));
  }

  /** A document id made of {@code name}'s hex letters (a to f). */
  private static String id(String name) {
    return name.repeat(64).substring(0, 64);
  }
}
