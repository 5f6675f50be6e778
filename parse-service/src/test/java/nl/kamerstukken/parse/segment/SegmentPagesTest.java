package nl.kamerstukken.parse.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.parse.clean.CleanDocument;
import nl.kamerstukken.parse.clean.CleanLine;
import org.junit.jupiter.api.Test;

class SegmentPagesTest {

  private static CleanLine line(String text, int page) {
    return new CleanLine(text, page, true, false, false, false, 0);
  }

  @Test
  void aQuestionLabelledAtThePageFootAndAnAnswerRunningOnHaveTheirTextsPages() {
    // Given "Vraag 1" as the last line of page 1, its text on page 2, and an answer from page 2 to
    // 3
    List<CleanLine> lines =
        List.of(
            line(
                "Vragen van het lid Jansen (VVD) aan de minister over de rente (ingezonden 1 maart 2010).",
                1),
            line("Vraag 1", 1),
            line("Is dit waar?", 2),
            line("Antwoord 1", 2),
            line("Ja, en dat", 2),
            line("blijft zo.", 3));

    // When segmented
    Segmentation s = Segmenter.segment(new CleanDocument(lines, List.of(), List.of()), List.of());

    // Then each knows the pages its text is printed on, not its label's
    assertThat(s.questions()).extracting(Segment::pages).containsExactly(List.of(2));
    assertThat(s.answers()).extracting(Segment::pages).containsExactly(List.of(2, 3));
  }

  @Test
  void aDocumentWithoutPagesKeepsItsSegmentsWithPagesUnknown() {
    Segmentation paged =
        new Segmentation(
            Segmentation.Layout.LABELLED,
            List.of(new Segment(List.of("1"), "Is dit waar?", List.of(1))),
            List.of(new Segment(List.of("1"), "Ja.", List.of(1))),
            Set.of(),
            0);

    assertThat(SegmentPages.forDocument(paged, 3)).isSameAs(paged);
    Segmentation unpaged = SegmentPages.forDocument(paged, 0);
    assertThat(unpaged.questions()).containsExactly(new Segment(List.of("1"), "Is dit waar?"));
    assertThat(unpaged.answers()).containsExactly(new Segment(List.of("1"), "Ja."));
  }
}
