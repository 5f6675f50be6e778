package nl.kamerstukken.parse.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.parse.clean.CleanDocument;
import nl.kamerstukken.parse.clean.CleanLine;

/**
 * Questions and answers found in a document.
 *
 * @param layout which layout was recognised
 * @param questions numbered questions in document order
 * @param answers numbered answers in document order
 * @param labelLines indexes of body lines that are labels ("Vraag 1", "Antwoord", a bare number)
 * @param firstLabelLine index of the first label, or the number of lines when there is none: the
 *     text before it is the document's header
 */
public record Segmentation(
    Layout layout,
    List<Segment> questions,
    List<Segment> answers,
    Set<Integer> labelLines,
    int firstLabelLine) {

  public Segmentation {
    questions = List.copyOf(questions);
    answers = List.copyOf(answers);
    labelLines = Set.copyOf(labelLines);
  }

  /** The layouts the segmenter knows. */
  public enum Layout {
    /** The source marks questions and answers (publisher XML). */
    MARKED,
    /** "Vraag N" / "Antwoord N" labels (Aanhangsel van de Handelingen, Kamervragen). */
    LABELLED,
    /** A number on its own line, the question, "Antwoord", the answer (committee lists). */
    COMMITTEE,
    /**
     * Numbered questions "1. ... 2. ..." without answers (Kamervragen before they are answered).
     */
    NUMBERED,
    /**
     * Historical Aanhangsel pages (1948-1995): item headings "VRAGEN van ...", inline labels ("1.
     * ... 2. ...", "1Kent"), "ANTWOORD van ..." or a Mededeling.
     */
    HISTORICAL,
    /** No numbered questions: letters, moties, besluitenlijsten, notas. */
    NONE
  }

  /** The full text, with every label as a paragraph of its own. */
  public String documentText(CleanDocument document) {
    List<CleanLine> lines = new ArrayList<>(document.lines());
    for (int index : labelLines) {
      lines.set(index, lines.get(index).asParagraphStart());
      if (index + 1 < lines.size()) {
        lines.set(index + 1, lines.get(index + 1).asParagraphStart());
      }
    }
    return CleanDocument.join(lines);
  }
}
