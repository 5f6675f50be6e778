package nl.kamerstukken.tools.score;

import java.util.List;

/**
 * The score of one parsed file against its truth.
 *
 * @param file the parsed file's name
 * @param docType the truth's document type
 * @param negative whether the truth lists no questions and no answers
 * @param questions question counts
 * @param answers answer counts
 * @param metadataFields truth metadata fields compared
 * @param metadataMatched of those, fields the parser got right
 * @param ocrWords words the truth says OCR must find
 * @param ocrFound of those, words found in the text
 * @param misses what did not match: entries ("Q 3: ...") and fields ("title: expected ... got ...")
 */
public record DocumentScore(
    String file,
    String docType,
    boolean negative,
    EntryScore questions,
    EntryScore answers,
    int metadataFields,
    int metadataMatched,
    int ocrWords,
    int ocrFound,
    List<String> misses) {

  public DocumentScore {
    misses = List.copyOf(misses);
  }

  /** A negative that yielded a question or answer anyway. */
  public boolean falsePositiveOnNegative() {
    return negative && (questions.found() > 0 || answers.found() > 0);
  }
}
