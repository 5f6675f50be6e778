package nl.kamerstukken.parse.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.parse.clean.CleanDocument;

/**
 * Questions and answers of historical Aanhangsel pages ({@link HistoricalPage}), whose labels are
 * inline ({@link InlineLabels}). Per item: the text before the first label (an introduction) is no
 * question; footnote lines after the last question, the margin word "Antwoord", "Toelichting"
 * asides are left out. Lines that the OCR of a three-column page put after the reply but that are
 * questions (they end with "?", and the answers or a Mededeling say there are more questions) are
 * taken back as the next questions. When a page prints several items, every segment carries its
 * item number, so numbers that restart per item stay apart.
 */
public final class HistoricalSegmenter {

  private HistoricalSegmenter() {}

  /** The segmentation, or null when the document prints no historical Kamervragen. */
  public static Segmentation segment(CleanDocument document) {
    List<HistoricalPage.Item> items = HistoricalPage.read(document.lines());
    if (items.isEmpty()) {
      return null;
    }
    List<Segment> questions = new ArrayList<>();
    List<Segment> answers = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      HistoricalPage.Item item = items.get(i);
      String itemNumber =
          items.size() > 1 ? (item.number() == null ? String.valueOf(i + 1) : item.number()) : null;
      read(item, itemNumber, questions, answers);
    }
    if (questions.isEmpty()) {
      return null;
    }
    return new Segmentation(
        Segmentation.Layout.HISTORICAL, questions, answers, Set.of(), document.lines().size());
  }

  private static void read(
      HistoricalPage.Item item, String itemNumber, List<Segment> questions, List<Segment> answers) {
    List<InlineLabels.Entry> answered =
        item.mededeling() ? List.of() : InlineLabels.find(InlineLabels.body(item.answers(), false));
    List<String> misplaced = InlineLabels.trailingQuestions(item.answers());
    int expected = InlineLabels.highest(answered);
    List<InlineLabels.Entry> asked = InlineLabels.find(InlineLabels.body(item.questions(), true));
    boolean more = item.mededeling() || expected > InlineLabels.highest(asked);
    asked = more ? InlineLabels.withTrailingQuestions(asked) : asked;
    if (!misplaced.isEmpty() && (item.mededeling() || expected > InlineLabels.highest(asked))) {
      int next = InlineLabels.highest(asked);
      for (String line : misplaced) {
        asked.add(new InlineLabels.Entry(List.of(String.valueOf(++next)), line));
      }
      if (!answered.isEmpty()) {
        InlineLabels.Entry last = answered.get(answered.size() - 1);
        answered.set(
            answered.size() - 1,
            new InlineLabels.Entry(last.numbers(), InlineLabels.without(last.text(), misplaced)));
      }
    }
    for (InlineLabels.Entry e : asked) {
      questions.add(new Segment(e.numbers(), InlineLabels.clean(e.text()), List.of(), itemNumber));
    }
    for (InlineLabels.Entry e : answered) {
      answers.add(new Segment(e.numbers(), InlineLabels.clean(e.text()), List.of(), itemNumber));
    }
  }
}
