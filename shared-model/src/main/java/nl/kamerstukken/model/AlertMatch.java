package nl.kamerstukken.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Published on {@link Topics#ALERTS} (key = {@link #idempotencyKey}): a newly indexed question with
 * its answer matched a saved search. index-service delivers it to the alert's webhook; anyone may
 * subscribe to the topic instead. The same answer matched again (a redelivery, a restart) has the
 * same key, and is delivered once. A postponement of the Q&A's Kamervraag case is an alert too.
 *
 * @param idempotencyKey hex SHA-256 of alert name, Q&A id and answer version
 * @param alertName the saved search that matched
 * @param qaId the Q&A's id in the search index ({@code <identifier>-qa-<position>})
 * @param identifier the Kamerstuk's identifier (e.g. {@code ah-tk-20232024-1234}), or its key
 * @param title the Kamerstuk's title
 * @param questionNumbers the question's numbers as printed
 * @param questionText the question
 * @param answerText the answer; null while unanswered
 * @param answerVersion hex SHA-256 (first 16 digits) of the question and answer text: a changed
 *     answer is a new alert, the same one is not
 * @param originalUrl the original file, on index-service's HTTP server (its content hash in the
 *     path)
 * @param publicationUrl the official publication of the identifier, where it is one
 * @param matchedAt when it matched
 * @param kind {@code qa}: the Q&A was newly indexed (a new question, a new answer); {@code
 *     postponed}: its Kamervraag case was postponed (a Mededeling), the question still open
 * @param caseKey the Kamervraag case, for {@code postponed}; else null
 * @param caseStatus the case's status ({@code postponed}), for {@code postponed}; else null
 */
public record AlertMatch(
    String idempotencyKey,
    String alertName,
    String qaId,
    String identifier,
    String title,
    List<String> questionNumbers,
    String questionText,
    String answerText,
    String answerVersion,
    String originalUrl,
    String publicationUrl,
    Instant matchedAt,
    String kind,
    String caseKey,
    String caseStatus) {

  public static final String KIND_QA = "qa";
  public static final String KIND_POSTPONED = "postponed";

  public AlertMatch {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(alertName, "alertName");
    Objects.requireNonNull(qaId, "qaId");
    Objects.requireNonNull(matchedAt, "matchedAt");
    questionNumbers = questionNumbers == null ? List.of() : List.copyOf(questionNumbers);
    kind = kind == null ? KIND_QA : kind;
  }
}
