package nl.kamerstukken.index.document;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import nl.kamerstukken.index.api.Reference;

/**
 * One question with its answer as a search document in the Q&A index: each Kamervraag is its own
 * hit.
 *
 * @param shared the Kamerstuk's metadata and links, written as top-level fields
 * @param position ordinal of this pair within the Kamerstuk, from 1
 * @param questionNumbers the numbers of the question's label ("Vraag 3, 4 en 5" gives 3, 4, 5);
 *     empty for an answer whose question was not found
 * @param answerNumbers the numbers of the answer labels that answer it ("Antwoord 5 en 6" gives 5,
 *     6)
 * @param questionText the question, null if not found
 * @param answerText the answer (several answers joined by a blank line), null if not answered
 * @param answered whether an answer was found
 * @param questionPages the pages the question is printed on (empty when unknown)
 * @param answerPages the pages its answer is printed on (empty when unknown)
 * @param references what the question and answer refer to (other Kamerstukken, Aanhangsels, Zaken)
 */
public record QaDoc(
    @JsonUnwrapped SharedFields shared,
    int position,
    List<String> questionNumbers,
    List<String> answerNumbers,
    String questionText,
    String answerText,
    boolean answered,
    List<Integer> questionPages,
    List<Integer> answerPages,
    List<Reference> references) {

  public QaDoc {
    questionNumbers = List.copyOf(questionNumbers);
    answerNumbers = List.copyOf(answerNumbers);
    questionPages = List.copyOf(questionPages);
    answerPages = List.copyOf(answerPages);
    references = List.copyOf(references);
  }
}
