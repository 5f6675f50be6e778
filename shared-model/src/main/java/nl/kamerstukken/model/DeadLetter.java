package nl.kamerstukken.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * Published on {@link Topics#DEAD_LETTER} when a stage gives up on one document: the record says
 * where, why, and carries the original event so an operator can re-drive it.
 *
 * @param documentId the document concerned (null if not known, e.g. unreadable event)
 * @param stage the stage that gave up
 * @param reasonCode why, from the one vocabulary of reasons
 * @param message human-readable reason: what, where, what to do
 * @param attempts how many times the stage tried
 * @param failedAt when the stage gave up
 * @param originalTopic topic of the event that failed
 * @param originalKey its Kafka key
 * @param originalEvent the event itself, as JSON (null if it was not valid JSON)
 */
public record DeadLetter(
    String documentId,
    Stage stage,
    ReasonCode reasonCode,
    String message,
    int attempts,
    Instant failedAt,
    String originalTopic,
    String originalKey,
    JsonNode originalEvent) {

  public DeadLetter {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(failedAt, "failedAt");
  }
}
