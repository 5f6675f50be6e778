package nl.kamerstukken.parse.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.parse.clean.CleanDocument;
import nl.kamerstukken.parse.clean.CleanLine;

/**
 * Where questions and answers start and end in the body lines, per layout; {@link #build} cuts the
 * text.
 */
final class Boundaries {

  private static final Pattern ANSWER_HEADER = Pattern.compile("^(?:Antwoord|Antwoorden)\\b.*");

  /**
   * A question or answer starting at {@code line}, or (with {@code end}) a marker that ends the
   * text before it.
   */
  private record Boundary(
      int line, boolean question, List<String> numbers, String rest, boolean end) {}

  private final List<Boundary> list = new ArrayList<>();

  private Boundaries() {}

  /** "Vraag N" and "Antwoord N" labels; a bare "Antwoord" answers the question before it. */
  static Boundaries labelled(CleanDocument document, List<Label> labels) {
    Boundaries b = new Boundaries();
    List<String> lastQuestion = List.of();
    for (int i = 0; i < labels.size(); i++) {
      Label label = labels.get(i);
      if (label == null || label.kind() == Label.Kind.NUMBER) {
        continue;
      }
      switch (label.kind()) {
        case QUESTION -> {
          lastQuestion = label.numbers();
          b.list.add(new Boundary(i, true, label.numbers(), label.rest(), false));
        }
        case ANSWER -> {
          List<String> numbers = label.numbers().isEmpty() ? lastQuestion : label.numbers();
          if (!numbers.isEmpty()) {
            b.list.add(new Boundary(i, false, numbers, label.rest(), false));
          }
        }
        default -> b.list.add(new Boundary(i, false, List.of(), "", true));
      }
    }
    return b;
  }

  /**
   * Committee lists: a paragraph that starts with a number opens a question when the next numbered
   * paragraph or "Antwoord" after it is an "Antwoord", and the numbers go up one by one from 1 (so
   * a run of numbered questions followed by one "Antwoord" heading is not mistaken for one
   * question).
   */
  static Boundaries committee(CleanDocument document, List<Label> labels) {
    Boundaries b = new Boundaries();
    List<CleanLine> lines = document.lines();
    int last = 0;
    List<String> lastQuestion = List.of();
    for (int i = 0; i < lines.size(); i++) {
      Label label = labels.get(i);
      if (label != null && label.kind() == Label.Kind.ANSWER && !lastQuestion.isEmpty()) {
        b.list.add(
            new Boundary(
                i,
                false,
                label.numbers().isEmpty() ? lastQuestion : label.numbers(),
                label.rest(),
                false));
      } else if (label != null && label.kind() == Label.Kind.END) {
        b.list.add(new Boundary(i, false, List.of(), "", true));
      }
      Label number =
          label == null && lines.get(i).paragraphStart()
              ? Label.numbered(lines.get(i).text())
              : null;
      if (number != null && number.firstNumber() == last + 1 && answerFollows(lines, labels, i)) {
        last = number.firstNumber();
        lastQuestion = number.numbers();
        b.list.add(new Boundary(i, true, number.numbers(), number.rest(), false));
      }
    }
    return b;
  }

  private static boolean answerFollows(List<CleanLine> lines, List<Label> labels, int from) {
    for (int i = from + 1; i < lines.size(); i++) {
      Label label = labels.get(i);
      if (label != null && label.kind() == Label.Kind.ANSWER) {
        return true;
      }
      if (label != null
          || (lines.get(i).paragraphStart() && Label.numbered(lines.get(i).text()) != null)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Numbered Kamervragen: paragraphs numbered 1, 2, 3 ... are questions; after an "Antwoord ..."
   * paragraph a new run from 1 holds the answers.
   */
  static Boundaries numbered(CleanDocument document, List<Label> labels) {
    Boundaries b = new Boundaries();
    List<CleanLine> lines = document.lines();
    int expected = 1;
    boolean answering = false;
    for (int i = 0; i < lines.size(); i++) {
      CleanLine line = lines.get(i);
      Label label = labels.get(i);
      if (label != null && label.kind() == Label.Kind.END) {
        b.list.add(new Boundary(i, false, List.of(), "", true));
        continue;
      }
      if (!answering
          && expected > 1
          && line.paragraphStart()
          && ANSWER_HEADER.matcher(line.text()).matches()) {
        b.list.add(new Boundary(i, false, List.of(), "", true));
        answering = true;
        expected = 1;
        continue;
      }
      Label number = line.paragraphStart() ? Label.numbered(line.text()) : null;
      if (number != null && number.firstNumber() == expected) {
        b.list.add(new Boundary(i, !answering, number.numbers(), number.rest(), false));
        expected++;
      }
    }
    return b;
  }

  boolean hasQuestions() {
    return list.stream().anyMatch(Boundary::question);
  }

  Segmentation build(CleanDocument document, Segmentation.Layout layout) {
    list.sort(Comparator.comparingInt(Boundary::line));
    List<Segment> questions = new ArrayList<>();
    List<Segment> answers = new ArrayList<>();
    Set<Integer> labelLines = new HashSet<>();
    List<CleanLine> lines = document.lines();
    for (int k = 0; k < list.size(); k++) {
      Boundary b = list.get(k);
      if (b.rest().isEmpty()) {
        labelLines.add(b.line());
      }
      if (b.end()) {
        continue;
      }
      int to = k + 1 < list.size() ? list.get(k + 1).line() : lines.size();
      List<CleanLine> body =
          new ArrayList<>(lines.subList(b.line() + 1, Math.max(b.line() + 1, to)));
      if (!b.rest().isEmpty()) {
        body.add(0, lines.get(b.line()).startingParagraphWith(b.rest()));
      }
      String text = CleanDocument.join(body).strip();
      if (!text.isEmpty()) {
        (b.question() ? questions : answers)
            .add(new Segment(b.numbers(), text, SegmentPages.of(body)));
      }
    }
    int first = list.isEmpty() ? lines.size() : list.get(0).line();
    return new Segmentation(layout, questions, answers, labelLines, first);
  }
}
