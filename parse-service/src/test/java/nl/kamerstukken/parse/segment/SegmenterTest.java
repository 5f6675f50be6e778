package nl.kamerstukken.parse.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.parse.clean.CleanDocument;
import nl.kamerstukken.parse.clean.CleanLine;
import org.junit.jupiter.api.Test;

/** Layouts on paragraph level, independent of the source format. */
class SegmenterTest {

  private static final String HEADER =
      "Vragen van het lid Jansen (VVD) aan de minister van Financiën over de bankrente"
          + " (ingezonden 1 maart 2010).";

  @Test
  void numberedQuestionsFollowedByNumberedAnswersAfterTheAnswerHeading() {
    // Given older Kamervragen: numbered questions, "Antwoord", numbered answers
    Segmentation s =
        segment(
            HEADER, "1", "Is dit waar?", "2", "Wat doet u?", "Antwoord", "1", "Ja.", "2", "Niets.");

    // Then the two runs are questions and answers, not one committee question
    assertThat(s.layout()).isEqualTo(Segmentation.Layout.NUMBERED);
    assertThat(s.questions())
        .containsExactly(
            printed(List.of("1"), "Is dit waar?"), printed(List.of("2"), "Wat doet u?"));
    assertThat(s.answers())
        .containsExactly(printed(List.of("1"), "Ja."), printed(List.of("2"), "Niets."));
  }

  @Test
  void labelsWithTheirTextAfterAColon() {
    Segmentation s =
        segment(
            HEADER,
            "Vraag 1: Is dit waar?",
            "Antwoord 1: Ja, dat is waar.",
            "Vraag 2:",
            "Wat doet u?",
            "Antwoord: Niets.");

    assertThat(s.questions())
        .containsExactly(
            printed(List.of("1"), "Is dit waar?"), printed(List.of("2"), "Wat doet u?"));
    assertThat(s.answers())
        .containsExactly(
            printed(List.of("1"), "Ja, dat is waar."), printed(List.of("2"), "Niets."));
  }

  @Test
  void separateQuestionsAnsweredTogether() {
    Segmentation s =
        segment(HEADER, "Vraag 5", "Waarom?", "Vraag 6", "Wanneer?", "Antwoord 5 en 6", "Morgen.");

    assertThat(s.questions())
        .extracting(Segment::numbers)
        .containsExactly(List.of("5"), List.of("6"));
    assertThat(s.answers()).containsExactly(printed(List.of("5", "6"), "Morgen."));
  }

  @Test
  void numberedItemsOutsideKamervragenAreNoQuestions() {
    Segmentation s =
        segment(
            "Besluitenlijst van de procedurevergadering",
            "1. Agendapunt: Brievenlijst",
            "Besluit: vastgesteld.",
            "2. Agendapunt: Beantwoording Kamervraag over de bankrente",
            "Besluit: voor kennisgeving.");

    assertThat(s.layout()).isEqualTo(Segmentation.Layout.NONE);
    assertThat(s.questions()).isEmpty();
  }

  /** A segment of these one-page documents: its lines are on page 1. */
  private static Segment printed(List<String> numbers, String text) {
    return new Segment(numbers, text, List.of(1));
  }

  private static Segmentation segment(String... paragraphs) {
    List<CleanLine> lines = new ArrayList<>();
    for (String paragraph : paragraphs) {
      lines.add(new CleanLine(paragraph, 1, true, false, false, false, 0));
    }
    return Segmenter.segment(new CleanDocument(lines, List.of(), List.of()), List.of());
  }
}
