package nl.kamerstukken.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Published on {@link Topics#KAMERVRAGEN} (compacted, key = {@link #caseKey}): one set of written
 * questions (a Kamervraag case) from question through postponement to answer, assembled from the
 * Kamerstukken that belong to it. A tombstone means no document of the case is left.
 *
 * @param caseKey the Zaak number (e.g. {@code 2021Z09739}) where a document of the case gives it,
 *     else a key derived from what every document of the case reprints: {@code
 *     <submittedDate>-<askers' surnames>-<first words of the subject>}
 * @param zaakNumbers the case's Zaak numbers
 * @param askedBy who asked, as printed
 * @param parties their parties
 * @param addressedTo to whom the questions were put
 * @param ministry the ministry answerable for the case: the first one {@code addressedTo} names,
 *     else the first one {@code answeredBy} names; null when none is named
 * @param title the subject
 * @param parliamentaryYear e.g. {@code 2023-2024}
 * @param submittedDate when the questions were submitted ("ingezonden")
 * @param dueDate {@code submittedDate} + 21 days (the Tweede Kamer's term for an answer)
 * @param postponements every Mededeling (postponement notice), by date
 * @param answeredDate the answer's "ontvangen" date (the first answer's when there are several)
 * @param answeredBy who answered
 * @param daysToAnswer days from {@code submittedDate} to {@code answeredDate}
 * @param status open, postponed or answered
 * @param postponedInTime whether a postponement is dated on or before the due date
 * @param overdue answered after the due date, or still unanswered after it (as of {@code asOf}),
 *     without a postponement on or before the due date
 * @param asOf the day {@code overdue} was judged for an unanswered case (the day of this event);
 *     readers judging later compute it again from {@code dueDate} and {@code postponedInTime}
 * @param documents the case's documents with their role
 * @param questions the numbered questions with their answers
 */
public record Kamervraag(
    String caseKey,
    List<String> zaakNumbers,
    List<String> askedBy,
    List<String> parties,
    List<String> addressedTo,
    String ministry,
    String title,
    String parliamentaryYear,
    LocalDate submittedDate,
    LocalDate dueDate,
    List<Postponement> postponements,
    LocalDate answeredDate,
    List<String> answeredBy,
    Integer daysToAnswer,
    Status status,
    boolean postponedInTime,
    boolean overdue,
    LocalDate asOf,
    List<CaseDocument> documents,
    List<CaseQuestion> questions) {

  /** The Tweede Kamer's term for answering written questions. */
  public static final int ANSWER_TERM_DAYS = 21;

  public Kamervraag {
    Objects.requireNonNull(caseKey, "caseKey");
    Objects.requireNonNull(status, "status");
    zaakNumbers = copy(zaakNumbers);
    askedBy = copy(askedBy);
    parties = copy(parties);
    addressedTo = copy(addressedTo);
    postponements = postponements == null ? List.of() : List.copyOf(postponements);
    answeredBy = copy(answeredBy);
    documents = documents == null ? List.of() : List.copyOf(documents);
    questions = questions == null ? List.of() : List.copyOf(questions);
  }

  /**
   * Whether the case is overdue as of {@code today}: answered after the due date, or unanswered on
   * a day after it, unless a postponement is dated on or before the due date. Readers judge open
   * cases with this at query time; the event's {@link #overdue} is the judgement of its {@link
   * #asOf} day.
   */
  public boolean overdueOn(LocalDate today) {
    return overdue(dueDate, answeredDate, postponedInTime, today);
  }

  /** The rule of {@link #overdueOn}, for the parts of a case. */
  public static boolean overdue(
      LocalDate due, LocalDate answered, boolean postponedInTime, LocalDate today) {
    if (due == null || postponedInTime) {
      return false;
    }
    LocalDate judged = answered != null ? answered : today;
    return judged != null && judged.isAfter(due);
  }

  private static List<String> copy(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  /** Where a case stands. */
  public enum Status {
    /** Asked, neither postponed nor answered. */
    @JsonProperty("open")
    OPEN,
    /** A Mededeling said the answer will take longer; not answered yet. */
    @JsonProperty("postponed")
    POSTPONED,
    /** An answer was received. */
    @JsonProperty("answered")
    ANSWERED
  }

  /** What a document is to its case. */
  public enum Role {
    @JsonProperty("question")
    QUESTION,
    @JsonProperty("postponement")
    POSTPONEMENT,
    @JsonProperty("answer")
    ANSWER
  }

  /**
   * A Mededeling that postponed the answer.
   *
   * @param date its "ontvangen" date (else its own date)
   * @param identifier its Kamerstuk key
   */
  public record Postponement(LocalDate date, String identifier) {}

  /**
   * One document of the case.
   *
   * @param identifier its Kamerstuk key (the identifier, else the document id)
   * @param role question, postponement or answer
   * @param date its ontvangen date (postponement, answer) or ingezonden date (question)
   * @param documentId the document id of its representative file (the link to the original)
   */
  public record CaseDocument(String identifier, Role role, LocalDate date, String documentId) {}

  /**
   * One numbered question with its answer.
   *
   * @param numbers the question's numbers ("Vraag 3, 4 en 5" gives 3, 4, 5)
   * @param question its text
   * @param answerNumbers the numbers of the answers that answer it
   * @param answer the answer's text, null while unanswered
   */
  public record CaseQuestion(
      List<String> numbers, String question, List<String> answerNumbers, String answer) {
    public CaseQuestion {
      numbers = numbers == null ? List.of() : List.copyOf(numbers);
      answerNumbers = answerNumbers == null ? List.of() : List.copyOf(answerNumbers);
    }
  }
}
