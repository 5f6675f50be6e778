package nl.kamerstukken.cli.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.kamerstukken.kit.blob.BlobLocation;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.schema.EventCheck;
import nl.kamerstukken.kit.schema.EventSchema;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topic;
import nl.kamerstukken.model.Topics;

/**
 * Which dead letters may go back on their topic. A dead letter is data like any other record: only
 * an event that the stage can use again is re-driven, and only to a topic of this pipeline, only
 * when its original topic's schema accepts it, and only when its claim check lies inside the
 * configured blob store. Nothing else is ever re-announced.
 */
final class RedriveRules {

  private final List<Topic<String, ?>> topics;
  private final Topic<String, ?> received;
  private final BlobLocation blobs;

  RedriveRules(KafkaSettings kafka, BlobLocation blobs) {
    this.received = kafka.topic(Topics.RECEIVED);
    // Undelivered alerts go back on the alerts topic: index-service calls their webhook again.
    this.topics = List.of(received, kafka.topic(Topics.PARSED), kafka.topic(Topics.ALERTS));
    this.blobs = blobs;
  }

  /** Why {@code letter} cannot be re-driven, or null when it can. */
  String whyNot(DeadLetter letter) {
    if (letter == null) {
      return "the record is not a readable dead letter";
    }
    if (letter.stage() == Stage.INGEST) {
      return "ingest refused a file (no event was made): fix the file in the inbox, or touch it, to ingest it again";
    }
    if (!letter.reasonCode().category().redrivable()) {
      return "its reason "
          + letter.reasonCode()
          + " ("
          + letter.reasonCode().category()
          + ") cannot be fixed by trying again: the original record is not a valid or safe event";
    }
    if (letter.originalTopic() == null
        || letter.originalEvent() == null
        || letter.originalEvent().isNull()) {
      return "the dead letter does not carry its original event and topic";
    }
    Topic<String, ?> topic =
        topics.stream()
            .filter(t -> t.name().equals(letter.originalTopic()))
            .findFirst()
            .orElse(null);
    if (topic == null) {
      return "its original topic "
          + letter.originalTopic()
          + " is not one this pipeline consumes ("
          + topics
          + "): not re-driven";
    }
    return whyNotEvent(topic, letter.originalKey(), letter.originalEvent());
  }

  private String whyNotEvent(Topic<String, ?> topic, String key, JsonNode event) {
    EventCheck check = EventSchema.of(topic).check(key, event);
    if (!check.valid()) {
      return "its original event is not valid: " + check.problem();
    }
    JsonNode blobUri =
        topic == received ? event.path("blobUri") : event.path("source").path("blobUri");
    if (blobUri.isTextual()
        && blobs.locate(blobUri.asText()) instanceof BlobLocation.Outside outside) {
      return "its claim check is outside the " + blobs.describe() + ": " + outside.why();
    }
    return null;
  }
}
