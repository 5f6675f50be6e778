package nl.kamerstukken.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import nl.kamerstukken.parse.fixture.KamerstukPdf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classes of modern errors seen on documents outside the corpus, one test each. */
class RemainingModernErrorsTest {

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
  void publisherXmlAloneWithAByteOrderMarkNamesItself() throws IOException {
    // Given the publisher's XML with a BOM and a line break before <?xml, and no metadata.xml
    String xml =
        "\uFEFF\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<officiele-publicatie><metadata><meta name=\"OVERHEIDop.externMetadataRecord\""
            + " content=\"https://zoek.officielebekendmakingen.nl/ah-tk-20202021-3235/metadata.xml\"/>"
            + "</metadata><kamervragen><kamervraagkop><tekstregel>Vergaderjaar 2020-2021</tekstregel>"
            + "</kamervraagkop><kamervraagnummer>3235</kamervraagnummer>"
            + "<vraag><nr>Vraag 1</nr><al>Kent u het bericht?</al></vraag>"
            + "<antwoord><nr>Antwoord 1</nr><al>Ja.</al></antwoord></kamervragen>"
            + "</officiele-publicatie>";
    Path file = dir.resolve("stored-blob.xml");
    Files.write(file, xml.getBytes(StandardCharsets.UTF_8));

    // When it is parsed
    DocumentParsed parsed = parse(file);

    // Then it carries its identifier, number and year, and its question and answer
    assertThat(parsed.metadata().identifier()).isEqualTo("ah-tk-20202021-3235");
    assertThat(parsed.metadata().documentNumber()).isEqualTo("3235");
    assertThat(parsed.metadata().parliamentaryYear()).isEqualTo("2020-2021");
    assertThat(parsed.questions()).extracting(Segment::text).containsExactly("Kent u het bericht?");
    assertThat(parsed.answers()).extracting(Segment::text).containsExactly("Ja.");
  }

  @Test
  void footnoteDigitsGluedAfterAQuestionMarkLeaveTheQuestion() {
    // Given questions whose footnote references are printed as plain digits after "?"
    Path pdf =
        KamerstukPdf.builder()
            .line("Vragen van het lid Jansen (VVD) aan de minister van Financiën over de rente")
            .line("(ingezonden 6 maart 2024).")
            .gap()
            .line("Vraag 1")
            .line("Hoe vaak heeft u de Kamer geïnformeerd?4")
            .gap()
            .line("Vraag 2")
            .line("Kent u het rapport uit 2021?5 Waarom niet?")
            .footnote(646, "4", "NOS, 1 maart 2024")
            .footnote(664, "5", "Rapport, 2021")
            .write(dir.resolve("kv.pdf"));

    // When it is parsed
    DocumentParsed parsed = parse(pdf);

    // Then the digits are gone from the questions
    assertThat(parsed.questions())
        .extracting(Segment::text)
        .containsExactly(
            "Hoe vaak heeft u de Kamer geïnformeerd?", "Kent u het rapport uit 2021? Waarom niet?");
  }

  @Test
  void anAddresseeWithoutVanIsRead() {
    // Given Kamervragen addressed to "de minister Justitie en Veiligheid"
    Path pdf =
        KamerstukPdf.builder()
            .line("Vragen van het lid Jansen (VVD) aan de minister Justitie en Veiligheid over de")
            .line("politie (ingezonden 6 maart 2024).")
            .gap()
            .line("Vraag 1")
            .line("Kent u het bericht?")
            .write(dir.resolve("kv.pdf"));

    // When it is parsed
    DocumentParsed parsed = parse(pdf);

    // Then the addressee is the minister of Justitie en Veiligheid
    assertThat(parsed.metadata().addressedTo())
        .isEqualTo(List.of("minister van Justitie en Veiligheid"));
  }

  @Test
  void aBesluitenlijstKeepsTheYearOfItsTitleDate() {
    // Given a besluitenlijst whose title's year went to the next line
    Path pdf =
        KamerstukPdf.builder()
            .line("Besluitenlijst van de procedurevergadering van dinsdag 8 maart", 14, true)
            .line("2011", 14, true)
            .gap()
            .line("1. Opening")
            .line("Besluit: de vergadering wordt geopend.")
            .write(dir.resolve("besluitenlijst.pdf"));

    // When it is parsed
    DocumentParsed parsed = parse(pdf);

    // Then its title has the whole date, and it is dated by it
    assertThat(parsed.metadata().title())
        .isEqualTo("Besluitenlijst van de procedurevergadering van dinsdag 8 maart 2011");
    assertThat(parsed.metadata().date()).hasToString("2011-03-08");
    assertThat(parsed.questions()).isEmpty();
  }

  private static DocumentParsed parse(Path file) {
    ParseOutcome outcome =
        parser.parse(
            file, new SourceFile(file.getFileName().toString(), null, null, 0, null, null), null);
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    return ((ParseOutcome.Parsed) outcome).document();
  }
}
