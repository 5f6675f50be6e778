package nl.kamerstukken.parse.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.KamerstukParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Historical Aanhangsel pages (OCR text) written for the test, one layout family each. */
class HistoricalSegmenterTest {

  private static KamerstukParser parser;
  @TempDir Path dir;

  @BeforeAll
  static void createParser() {
    parser = KamerstukParser.create(ParserSettings.defaults());
  }

  @AfterAll
  static void closeParser() {
    parser.close();
  }

  @Test
  void threeColumnPagesWithGluedLostAndGroupedLabels() throws IOException {
    // Given a 1990s page: labels glued to words, question 3's label lost, a footnote line, a
    // grouped answer "2 t/m 4" and the margin word before the reply heading
    DocumentParsed parsed =
        parse(
            """
            Tweede Kamer der Staten-Generaal
            Vergaderjaar 1991-1992
            Aanhangsel van de Handelingen
            Vragen van de leden Jansen en K. L. de Boer (beiden P.v.d.A.) over de sluiting van \
            het postkantoor te Ede. (Ingezonden 3 maart 1992) 1Kent u het bericht?1
            2Is het waar dat het kantoor sluit?
            Wat vindt u daarvan?
            4Bent u bereid het te heropenen?
            1 De Gelderlander van 2 maart jl.
            Antwoord
            Antwoord van minister Kok (Financiën), mede namens de staatssecretaris van \
            Economische Zaken. (Ontvangen 20 maart 1992)
            1Ja. 2 t/m 4 Het kantoor sluit niet. Zie ook vraag 4.
            Tweede Kamer, vergaderjaar 1991-1992, Aanhangsel
            """);

    // Then four questions, two answers, and the heading's metadata
    assertThat(parsed.questions())
        .extracting(Segment::numbers, Segment::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(java.util.List.of("1"), "Kent u het bericht?"),
            org.assertj.core.groups.Tuple.tuple(
                java.util.List.of("2"), "Is het waar dat het kantoor sluit?"),
            org.assertj.core.groups.Tuple.tuple(java.util.List.of("3"), "Wat vindt u daarvan?"),
            org.assertj.core.groups.Tuple.tuple(
                java.util.List.of("4"), "Bent u bereid het te heropenen?"));
    assertThat(parsed.answers())
        .extracting(Segment::numbers)
        .containsExactly(java.util.List.of("1"), java.util.List.of("2", "3", "4"));
    assertThat(parsed.answers().get(1).text())
        .isEqualTo("Het kantoor sluit niet. Zie ook vraag 4.");
    assertThat(parsed.metadata().askedBy()).containsExactly("Jansen", "De Boer");
    assertThat(parsed.metadata().parties()).containsExactly("PvdA");
    assertThat(parsed.metadata().partiesPrinted()).containsExactly("P.v.d.A.");
    assertThat(parsed.metadata().title()).isEqualTo("de sluiting van het postkantoor te Ede");
    assertThat(parsed.metadata().answeredBy())
        .containsExactly("minister van Financiën", "staatssecretaris van Economische Zaken");
    assertThat(parsed.metadata().answeredByNames()).containsExactly("Kok");
    assertThat(parsed.metadata().submittedDate()).hasToString("1992-03-03");
    assertThat(parsed.metadata().receivedDate()).hasToString("1992-03-20");
    assertThat(parsed.metadata().parliamentaryYear()).isEqualTo("1991-1992");
  }

  @Test
  void twoItemsOnOnePageKeepTheirOwnNumbering() throws IOException {
    // Given a 1960s page with two items whose numbering restarts
    DocumentParsed parsed =
        parse(
            """
            Aanhangsel tot het Verslag van de Handelingen der Tweede Kamer
            40. VRAAG van de heer Smit (K.V.P.) betreffende de brug te Zwolle. (Ingezonden 2 mei 1963.)
            1. Wanneer wordt de brug hersteld?
            ANTWOORD van de heer Korthals, Minister van Verkeer en Waterstaat. (Ingezonden 9 mei 1963.)
            1. In juni.
            41. VRAGEN van de heer Bos (A.R.P.) in verband met de veerdienst. (Ingezonden 3 mei 1963.)
            1. Vaart de veerboot nog? 2. Zo neen, waarom niet?
            ANTWOORD van de heer Korthals, Minister van Verkeer en Waterstaat. (Ingezonden 10 mei 1963.)
            1 en 2. De veerboot vaart.
            Deel I Zitting 1962—1963 Aanhangsel
            """);

    // Then each item's entries carry the item number
    assertThat(parsed.questions())
        .extracting(Segment::item, s -> s.numbers().get(0))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("40", "1"),
            org.assertj.core.groups.Tuple.tuple("41", "1"),
            org.assertj.core.groups.Tuple.tuple("41", "2"));
    assertThat(parsed.answers())
        .extracting(Segment::item, Segment::numbers)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("40", java.util.List.of("1")),
            org.assertj.core.groups.Tuple.tuple("41", java.util.List.of("1", "2")));
    assertThat(parsed.metadata().askedBy()).containsExactly("Smit", "Bos");
    assertThat(parsed.metadata().answeredBy())
        .containsExactly("minister van Verkeer en Waterstaat");
    assertThat(parsed.metadata().parliamentaryYear()).isEqualTo("1962-1963");
  }

  @Test
  void aMededelingGivesNoAnswers() throws IOException {
    // Given questions answered by a postponement notice only
    DocumentParsed parsed =
        parse(
            """
            Aanhangsel tot het Verslag van de Handelingen der Tweede Kamer
            32. VRAGEN van de heer Vermeer over de basis. (Ingezonden 1 Juni 1955.)
            1. Is het juist? 2. Kan de Minister dit verklaren?
            MEDEDELING van de heer Staf, Minister van Oorlog. (Ingezonden 20 Juni 1955.)
            Het is mij niet mogelijk deze vragen thans te beantwoorden.
            """);

    // Then the questions, no answers, and who sent the Mededeling
    assertThat(parsed.questions()).hasSize(2);
    assertThat(parsed.answers()).isEmpty();
    assertThat(parsed.metadata().documentType()).isEqualTo("mededeling");
    assertThat(parsed.metadata().mededelingBy()).containsExactly("minister van Oorlog");
    assertThat(parsed.metadata().mededelingByNames()).containsExactly("Staf");
    assertThat(parsed.metadata().mededelingDate()).hasToString("1955-06-20");
  }

  @Test
  void aLetterWithNumberedPointsHasNoQuestions() throws IOException {
    // Given a minister's letter with numbered points and no Kamervragen heading
    DocumentParsed parsed =
        parse(
            """
            BRIEF VAN DE MINISTER VAN ECONOMISCHE ZAKEN
            Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
            Naar aanleiding hiervan kan ik u het volgende mededelen. 1. Via mijn departement heb \
            ik uw standpunt ter kennis gebracht. 2. In een toespraak heb ik het medegedeeld.
            """);

    // Then nothing is a question or an answer
    assertThat(parsed.questions()).isEmpty();
    assertThat(parsed.answers()).isEmpty();
  }

  private DocumentParsed parse(String text) throws IOException {
    Path file = dir.resolve("page.txt");
    Files.writeString(file, text);
    ParseOutcome outcome =
        parser.parse(file, new SourceFile("page.txt", null, null, 0, null, null), null);
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    return ((ParseOutcome.Parsed) outcome).document();
  }
}
