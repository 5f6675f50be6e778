package nl.kamerstukken.index.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One question with its answer, as a person sees it in a result list.
 *
 * @param id the search document's id ({@code <key>-qa-<position>})
 * @param score relevance (null when sorted by date only)
 * @param identifier the Kamerstuk's identifier, e.g. {@code ah-tk-20232024-1481} (null if unknown)
 * @param date the Kamerstuk's date: its own date, else when the answer was received, else when the
 *     questions were submitted
 * @param highlights per field ({@code questionText}, {@code answerText}, {@code title}) the
 *     fragments with the matching words marked
 * @param fileName the original file's name
 * @param originalUrl where index-service serves the original file ({@code
 *     /api/documents/<documentId>/original})
 * @param questionPages the pages of the original the question is printed on (empty when unknown); a
 *     page opens with {@code originalUrl + "#page=" + n}
 * @param answerPages the pages its answer is printed on
 * @param references what the question and answer refer to, as {@code {kind, identifier, text}}
 */
public record SearchHit(
    String id,
    Double score,
    String documentId,
    String identifier,
    String documentType,
    String parliamentaryYear,
    LocalDate date,
    String title,
    int position,
    List<String> questionNumbers,
    List<String> answerNumbers,
    String questionText,
    String answerText,
    List<String> askedBy,
    List<String> parties,
    List<String> addressedTo,
    List<String> answeredBy,
    List<String> ministry,
    LocalDate submittedDate,
    LocalDate receivedDate,
    String fileName,
    String mediaType,
    String originalUrl,
    Map<String, List<String>> highlights,
    List<Integer> questionPages,
    List<Integer> answerPages,
    List<Reference> references) {

  public SearchHit {
    questionNumbers = List.copyOf(questionNumbers);
    answerNumbers = List.copyOf(answerNumbers);
    askedBy = List.copyOf(askedBy);
    parties = List.copyOf(parties);
    addressedTo = List.copyOf(addressedTo);
    answeredBy = List.copyOf(answeredBy);
    ministry = List.copyOf(ministry);
    highlights = Map.copyOf(highlights);
    questionPages = List.copyOf(questionPages);
    answerPages = List.copyOf(answerPages);
    references = List.copyOf(references);
  }

  /** Where index-service serves the original file of a document. */
  public static String originalUrl(String documentId) {
    return "/api/documents/" + documentId + "/original";
  }
}
