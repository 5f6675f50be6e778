package nl.kamerstukken.parse.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.parse.clean.CleanLine;
import org.junit.jupiter.api.Test;

/**
 * Generated documents (no corpus file): lines as the cleaner gives them for an OCR page (no font
 * size, no bold; a blank line starts a paragraph) and for a Kamerstuk's text layer.
 */
class NotaHeadingTest {

  /** One page; an empty string is a blank line, so the next line starts a paragraph. */
  private static List<CleanLine> page(String... text) {
    List<CleanLine> lines = new ArrayList<>();
    boolean paragraphStart = true;
    for (String t : text) {
      if (t.isEmpty()) {
        paragraphStart = true;
        continue;
      }
      lines.add(new CleanLine(t, 1, paragraphStart, false, false, false, 0f));
      paragraphStart = false;
    }
    return lines;
  }

  @Test
  void ministryNotaTitleFollowsItsPurposeWithoutTheMarginLabelsOcrReadIntoIt() {
    List<CleanLine> lines =
        page(
            "Ministerie van Infrastructuur",
            "en Waterstaat",
            "",
            "Aan MIenW Deadline: 3-2-2025 Directie Water",
            "",
            "Datum Kenmerk",
            "12 maart 2025",
            "",
            "nota _",
            "",
            "(ter informatie) Herinrichting van het archief van de Bijlage(n)",
            "dienst en de bewaartermijnen :",
            "",
            "1. Aanleiding",
            "De dienst bewaart stukken langer dan nodig is.");

    NotaHeading nota = NotaHeading.read(lines, true);

    assertThat(nota.title())
        .isEqualTo("Herinrichting van het archief van de dienst en de bewaartermijnen");
    assertThat(nota.date()).isEqualTo(LocalDate.of(2025, 3, 12));
  }

  @Test
  void kamerstukNotaKeepsItsPrintedHeading() {
    assertThat(
            NotaHeading.read(
                    page("Nr. 7", "", "NOTA NAAR AANLEIDING VAN HET VERSLAG", "", "Inhoud"), false)
                .title())
        .isEqualTo("NOTA NAAR AANLEIDING VAN HET VERSLAG");
    assertThat(
            NotaHeading.read(page("Nr. 9", "", "Nota van wijziging", "", "Ontvangen"), false)
                .title())
        .isEqualTo("Nota van wijziging");
  }

  @Test
  void ocrPageWithoutPurposeTakesTheFirstSubstantialHeadingAfterTheLetterhead() {
    List<CleanLine> lines =
        page(
            "glol2f",
            "",
            "Ministerie van Sociale Zaken",
            "en Werkgelegenheid",
            "",
            "Datum 2 oktober 2023",
            "",
            "Evaluatie van de regeling",
            "kinderopvangtoeslag 2022",
            "",
            "De regeling is in 2022 voor het eerst geheel uitgevoerd.");

    NotaHeading nota = NotaHeading.read(lines, true);

    assertThat(nota.title()).isEqualTo("Evaluatie van de regeling kinderopvangtoeslag 2022");
    assertThat(nota.date()).isEqualTo(LocalDate.of(2023, 10, 2));
    assertThat(NotaHeading.read(lines, false).title())
        .as("a text layer has fonts; the font-free guess is for OCR pages only")
        .isNull();
  }

  @Test
  void bodyTextAloneIsNoTitle() {
    List<CleanLine> lines =
        page(
            "Ministerie van Financiën",
            "",
            "De kosten zijn hoger dan geraamd.",
            "",
            "1. Zie de bijlage",
            "",
            "12 3 45");

    NotaHeading nota = NotaHeading.read(lines, true);

    assertThat(nota.title()).isNull();
    assertThat(nota.date()).isNull();
  }
}
