package nl.kamerstukken.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Footnote;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import nl.kamerstukken.parse.fixture.KamerstukPdf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour on generated Aanhangsel-like PDFs, without the corpus. */
class KamerstukParserTest {

  private static KamerstukParser parser;

  @TempDir Path dir;

  @BeforeAll
  static void createParser() {
    parser = KamerstukParser.create(ParserSettings.defaults().withOcr(false, "nld"));
  }

  @AfterAll
  static void closeParser() {
    parser.close();
  }

  @Test
  void readsAanhangselWithFurnitureFootnotesHyphenationAndGroupedLabels() {
    // Given an Aanhangsel over two pages with a running footer, colophon, footnote and broken words
    Path pdf = aanhangsel().write(dir.resolve("ah.pdf"));

    // When it is parsed
    DocumentParsed parsed = parse(pdf);

    // Then questions and answers carry their label numbers and clean text
    assertThat(parsed.questions())
        .extracting(Segment::numbers)
        .containsExactly(List.of("1"), List.of("2", "3", "4"), List.of("5"));
    assertThat(parsed.answers())
        .extracting(Segment::numbers)
        .containsExactly(List.of("1"), List.of("2", "3", "4"));
    assertThat(parsed.questions().get(0).text())
        .isEqualTo(
            "Heeft u kennisgenomen van het bericht over de regenboogprovincie en de AI-verordening?");
    assertThat(parsed.questions().get(1).text())
        .startsWith("Waarom is het onderzoek gestopt?")
        .endsWith("Wanneer wordt het onderzoek herhaald? Zo nee, waarom niet?")
        .doesNotContain("Tweede Kamer", "ISSN", "Gravenhage", "NOS");
    assertThat(parsed.questions().get(2).text())
        .isEqualTo("Kunt u deze vragen apart beantwoorden?");
    assertThat(parsed.footnotes())
        .containsExactly(new Footnote("1", "NOS, 1 maart 2024, «Bericht over de regenboog»"));
  }

  @Test
  void keepsANumberedListInsideAnAnswerAndStopsAtMededeling() {
    // Given an answer that contains a numbered list, and a Mededeling after the last question
    Path pdf = aanhangsel().write(dir.resolve("ah.pdf"));

    // When it is parsed
    DocumentParsed parsed = parse(pdf);

    // Then the list stays in the answer and the Mededeling is not part of question 5
    assertThat(parsed.answers().get(1).text())
        .startsWith("Het antwoord bestaat uit drie punten:")
        .contains("1. Het eerste punt;", "2. Het tweede punt;")
        .endsWith("3. Het derde punt.");
    assertThat(parsed.questions().get(2).text()).doesNotContain("Mededeling", "brief");
    assertThat(parsed.text())
        .contains("\n\nAntwoord 2, 3 en 4\n\n")
        .doesNotContain("Tweede Kamer, vergaderjaar");
  }

  @Test
  void readsTheHeaderMetadata() {
    // Given an Aanhangsel whose header names the member, party, minister and dates
    Path pdf = aanhangsel().write(dir.resolve("ah.pdf"));

    // When it is parsed
    DocumentParsed parsed = parse(pdf);

    // Then the metadata holds what the header and the colophon say
    var m = parsed.metadata();
    assertThat(m.identifier()).isEqualTo("ah-tk-20232024-1234");
    assertThat(m.documentType()).isEqualTo("aanhangsel-antwoord");
    assertThat(m.parliamentaryYear()).isEqualTo("2023-2024");
    assertThat(m.documentNumber()).isEqualTo("1234");
    assertThat(m.askedBy()).containsExactly("Jansen", "De Vries-Bakker");
    assertThat(m.parties()).containsExactly("VVD", "D66");
    assertThat(m.addressedTo())
        .containsExactly("minister van Financiën", "minister voor Klimaat en Energie");
    assertThat(m.answeredBy()).containsExactly("minister van Financiën");
    assertThat(m.title()).isEqualTo("de bankrente");
    assertThat(m.submittedDate()).isEqualTo(LocalDate.of(2024, 3, 6));
    assertThat(m.receivedDate()).isEqualTo(LocalDate.of(2024, 3, 25));
    assertThat(parsed.pageCount()).isEqualTo(2);
    assertThat(parsed.documentId()).hasSize(64);
  }

  @Test
  void readsACommitteeListWithBareNumbersAndAntwoord() {
    // Given a letter answering committee questions: a bare number, the question, "Antwoord", the
    // answer
    Path pdf =
        KamerstukPdf.builder()
            .line("26 643 Informatie- en communicatietechnologie (ICT)", 12, true)
            .gap()
            .line("Nr. 1522 BRIEF VAN DE STAATSSECRETARIS VAN ECONOMISCHE ZAKEN", 10, true)
            .gap()
            .line("Den Haag, 16 juni 2026")
            .gap()
            .line("1", 8, true)
            .gap()
            .line("Kunt u uiteenzetten wat de overheid gaat doen?")
            .gap()
            .line("Antwoord")
            .gap()
            .line("Het antwoord telt twee stappen:")
            .gap()
            .line("1")
            .line("Eerst dit.")
            .gap()
            .line("2", 8, true)
            .gap()
            .line("Is er budget gereserveerd?")
            .gap()
            .line("Antwoord")
            .gap()
            .line("Nee.")
            .write(dir.resolve("kst.pdf"));

    // When it is parsed
    DocumentParsed parsed = parse(pdf);

    // Then each number with an answer is a question; the list inside the answer is not
    assertThat(parsed.questions())
        .extracting(Segment::numbers)
        .containsExactly(List.of("1"), List.of("2"));
    assertThat(parsed.answers())
        .extracting(Segment::numbers)
        .containsExactly(List.of("1"), List.of("2"));
    assertThat(parsed.answers().get(0).text()).endsWith("Eerst dit.");
    assertThat(parsed.metadata().identifier()).isEqualTo("kst-26643-1522");
    assertThat(parsed.metadata().documentType()).isEqualTo("commissie-vragen-antwoorden");
    assertThat(parsed.metadata().date()).isEqualTo(LocalDate.of(2026, 6, 16));
  }

  @Test
  void findsNoQuestionsInANumberedLetter() {
    // Given a letter with numbered topics
    Path pdf =
        KamerstukPdf.builder()
            .line("Datum 18 oktober 2023")
            .line("Betreft Verzamelbrief luchtvaart")
            .gap()
            .line("Geachte voorzitter,")
            .gap()
            .line("1. Registratiekosten voor drones")
            .gap()
            .line("Sinds 2020 gelden Europese regels.")
            .gap()
            .line("2. Verbod korte vluchten")
            .gap()
            .line("Dit is onderzocht.")
            .write(dir.resolve("brief.pdf"));

    // When it is parsed
    DocumentParsed parsed = parse(pdf);

    // Then the topics are not questions
    assertThat(parsed.questions()).isEmpty();
    assertThat(parsed.answers()).isEmpty();
    assertThat(parsed.metadata().documentType()).isEqualTo("brief");
    assertThat(parsed.metadata().title()).isEqualTo("Verzamelbrief luchtvaart");
  }

  @Test
  void readsOverprintedFakeBoldTextOnce() {
    // Given labels and a question made bold by drawing them twice, slightly shifted
    Path pdf =
        KamerstukPdf.builder()
            .overprintedLine("Vraag 1", 0.3f)
            .gap()
            .overprintedLine("Bent u bekend met het bericht?", 0.25f)
            .gap()
            .overprintedLine("Antwoord 1", 0.3f)
            .gap()
            .line("Ja.")
            .write(dir.resolve("vet.pdf"));

    // When it is parsed
    DocumentParsed parsed = parse(pdf);

    // Then every glyph counts once
    assertThat(parsed.questions())
        .extracting(Segment::text)
        .containsExactly("Bent u bekend met het bericht?");
    assertThat(parsed.answers()).extracting(Segment::text).containsExactly("Ja.");
  }

  @Test
  void keepsASuperscriptThatIsNoFootnoteReference() {
    // Given a raised digit with no footnote of that number (square metres)
    Path pdf =
        KamerstukPdf.builder()
            .line("Vraag 1")
            .lineWithReference("Hoe groot is 20 m", "2")
            .line("per woning?")
            .write(dir.resolve("m2.pdf"));

    // When it is parsed
    DocumentParsed parsed = parse(pdf);

    // Then the digit stays in the text
    assertThat(parsed.questions())
        .extracting(Segment::text)
        .containsExactly("Hoe groot is 20 m2 per woning?");
    assertThat(parsed.footnotes()).isEmpty();
  }

  @Test
  void parsesConcurrentlyWithTheSameResult() throws Exception {
    // Given one parser and a document
    Path pdf = aanhangsel().write(dir.resolve("ah.pdf"));
    DocumentParsed expected = parse(pdf);

    // When four threads parse it at the same time
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<DocumentParsed>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> parse(pdf)));
      }

      // Then every result equals the single-threaded one
      for (var result : results) {
        DocumentParsed parsed = result.get(1, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(parsed.text()).isEqualTo(expected.text());
        assertThat(parsed.questions()).isEqualTo(expected.questions());
        assertThat(parsed.metadata()).isEqualTo(expected.metadata());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private DocumentParsed parse(Path file) {
    ParseOutcome outcome =
        parser.parse(
            file, new SourceFile(file.getFileName().toString(), null, null, 0, null, null), null);
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    return ((ParseOutcome.Parsed) outcome).document();
  }

  /** Two pages of an Aanhangsel van de Handelingen in the official layout. */
  static KamerstukPdf aanhangsel() {
    return KamerstukPdf.builder()
        .line("Tweede Kamer der Staten-Generaal", 18, true)
        .gap()
        .line("Vergaderjaar 2023–2024 Aanhangsel van de Handelingen", 9, false)
        .gap()
        .line("1234", 12, true)
        .gap()
        .line("Vragen van de leden Jansen (VVD) en De Vries-Bakker (D66) aan de Minister van")
        .line("Financiën en de Minister voor Klimaat en Energie over de bankrente (ingezonden")
        .line("6 maart 2024).")
        .gap()
        .line("Antwoord van Minister De Vries (Financiën) (ontvangen 25 maart 2024).")
        .gap()
        .line("Vraag 1")
        .line("Heeft u kennisgenomen van het bericht over de regen-")
        .line("boogprovincie en de AI-")
        .lineWithReference("verordening?", "1")
        .gap()
        .line("Antwoord 1")
        .line("Ja.")
        .gap()
        .line("Vraag 2, 3 en 4")
        .line("Waarom is het onderzoek gestopt?")
        .gap()
        .line("Wie heeft daartoe besloten?")
        .gap()
        .line("Wanneer wordt het onder-")
        .footnote(646, "1", "NOS, 1 maart 2024, «Bericht over de", "regenboog»")
        .colophon("ah-tk-20232024-1234", "2024")
        .newPage()
        .line("zoek herhaald? Zo nee, waarom niet?")
        .gap()
        .line("Antwoord 2, 3 en 4")
        .line("Het antwoord bestaat uit drie punten:")
        .line("1. Het eerste punt;")
        .line("2. Het tweede punt;")
        .line("3. Het derde punt.")
        .gap()
        .line("Vraag 5")
        .line("Kunt u deze vragen apart beantwoorden?")
        .gap()
        .line("Mededeling", 8, true)
        .gap()
        .line("De vragen zijn per brief beantwoord.")
        .runningFooter("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel");
  }
}
