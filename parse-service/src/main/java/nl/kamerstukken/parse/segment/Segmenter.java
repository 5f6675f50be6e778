package nl.kamerstukken.parse.segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.parse.clean.CleanDocument;
import nl.kamerstukken.parse.clean.CleanLine;
import nl.kamerstukken.parse.extract.Extraction.MarkedSegment;

/**
 * Finds the numbered questions and answers of a document by its layout, in this order of
 * preference: markup from the source; "Vraag N"/"Antwoord N" labels; committee lists (a number on
 * its own line, the question, "Antwoord", the answer); numbered questions of unanswered
 * Kamervragen. Numbers elsewhere (agenda items, sections, lists inside an answer, motion numbers)
 * are not questions: a number only opens a question when the layout says so. Stateless.
 */
public final class Segmenter {

  /** A Kamervragen header: "Vragen van het lid X (Partij) aan de minister ... (ingezonden ...)". */
  private static final Pattern KAMERVRAGEN =
      Pattern.compile("(?s).*\\b(?:Vragen|Vraag) van (?:het lid|de leden)\\b.*\\(ingezonden\\b.*");

  private Segmenter() {}

  public static Segmentation segment(CleanDocument document, List<MarkedSegment> marked) {
    if (!marked.isEmpty()) {
      return fromMarkup(document, marked);
    }
    List<CleanLine> lines = document.lines();
    List<Label> labels = new ArrayList<>(lines.size());
    boolean numberedQuestions = false;
    boolean answers = false;
    for (CleanLine line : lines) {
      Label label = Label.parse(line.text());
      labels.add(label);
      numberedQuestions |= label != null && label.kind() == Label.Kind.QUESTION;
      answers |= label != null && label.kind() == Label.Kind.ANSWER;
    }
    if (numberedQuestions) {
      return Boundaries.labelled(document, labels).build(document, Segmentation.Layout.LABELLED);
    }
    Segmentation historical = HistoricalSegmenter.segment(document);
    if (historical != null) {
      return historical;
    }
    if (answers) {
      Boundaries committee = Boundaries.committee(document, labels);
      if (committee.hasQuestions()) {
        return committee.build(document, Segmentation.Layout.COMMITTEE);
      }
    }
    if (isKamervragen(document)) {
      Boundaries numbered = Boundaries.numbered(document, labels);
      if (numbered.hasQuestions()) {
        return numbered.build(document, Segmentation.Layout.NUMBERED);
      }
    }
    return new Segmentation(Segmentation.Layout.NONE, List.of(), List.of(), Set.of(), lines.size());
  }

  private static boolean isKamervragen(CleanDocument document) {
    int end = Math.min(document.lines().size(), 40);
    return KAMERVRAGEN.matcher(document.text(0, end)).matches();
  }

  private static Segmentation fromMarkup(CleanDocument document, List<MarkedSegment> marked) {
    List<Segment> questions = new ArrayList<>();
    List<Segment> answers = new ArrayList<>();
    Set<Integer> labelLines = new HashSet<>();
    int first = document.lines().size();
    for (MarkedSegment segment : marked) {
      Label label = Label.parse(segment.label());
      List<String> numbers = label == null ? List.of() : label.numbers();
      if (numbers.isEmpty() && !segment.question() && !questions.isEmpty()) {
        numbers = questions.get(questions.size() - 1).numbers();
      }
      if (numbers.isEmpty()) {
        continue;
      }
      Segment s = new Segment(numbers, String.join("\n\n", segment.paragraphs()));
      (segment.question() ? questions : answers).add(s);
    }
    for (int i = 0; i < document.lines().size(); i++) {
      if (Label.parse(document.lines().get(i).text()) != null) {
        labelLines.add(i);
        first = Math.min(first, i);
      }
    }
    return new Segmentation(Segmentation.Layout.MARKED, questions, answers, labelLines, first);
  }
}
