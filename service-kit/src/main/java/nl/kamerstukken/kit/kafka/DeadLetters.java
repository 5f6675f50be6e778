package nl.kamerstukken.kit.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that a stage gave up on one document, with the reason and the original event, on the
 * dead-letter topic. The write is awaited: a dead letter is part of the effect of consuming a
 * record.
 */
public final class DeadLetters {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final EventPublisher publisher;
  private final Topic<String, DeadLetter> topic;
  private final Stage stage;
  private final Clock clock;

  public DeadLetters(
      EventPublisher publisher, Topic<String, DeadLetter> topic, Stage stage, Clock clock) {
    this.publisher = publisher;
    this.topic = topic;
    this.stage = stage;
    this.clock = clock;
  }

  /** Dead-letters an event that was read from {@code originalTopic}. */
  public void publish(
      String documentId,
      ReasonCode reasonCode,
      String message,
      int attempts,
      String originalTopic,
      String key,
      Object originalEvent)
      throws RetryableException {
    JsonNode original = originalEvent == null ? null : Json.mapper().valueToTree(originalEvent);
    send(
        new DeadLetter(
            documentId,
            stage,
            reasonCode,
            message,
            attempts,
            clock.instant(),
            originalTopic,
            key,
            original));
  }

  /**
   * Dead-letters a record whose bytes are not a valid event: they are kept as JSON if they are
   * JSON.
   */
  public void publishRaw(
      ReasonCode reasonCode, String message, String originalTopic, String key, byte[] raw)
      throws RetryableException {
    send(
        new DeadLetter(
            key,
            stage,
            reasonCode,
            message,
            1,
            clock.instant(),
            originalTopic,
            key,
            readable(raw)));
  }

  private void send(DeadLetter letter) throws RetryableException {
    publisher.publish(topic, letter.documentId() == null ? "" : letter.documentId(), letter);
    LOG.warn(
        "dead-lettered document [{}] at stage [{}]: [{}] {}",
        letter.documentId(),
        letter.stage(),
        letter.reasonCode(),
        letter.message());
  }

  private static JsonNode readable(byte[] raw) {
    if (raw == null) {
      return null;
    }
    try {
      return Json.mapper().readTree(raw);
    } catch (IOException e) {
      return TextNode.valueOf(new String(raw, StandardCharsets.UTF_8));
    }
  }
}
