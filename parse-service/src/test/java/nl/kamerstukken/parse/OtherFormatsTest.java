package nl.kamerstukken.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Footnote;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTML, plain text and the publisher's XML go through the same segmentation and metadata. */
class OtherFormatsTest {

  private static final String HEADER =
      "Vragen van het lid Jansen (VVD) aan de Minister van Financiën over de"
          + " bankrente (ingezonden 6 maart 2024).";

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
  void readsLabelledQuestionsFromHtml() throws IOException {
    // Given an HTML rendition whose paragraphs wrap in the source
    Path file =
        write(
            "ah.html",
            "<html><head><title>x</title><meta name=\"DC.identifier\" content=\"ah-tk-20232024-99\"/>"
                + "</head><body><p>"
                + HEADER
                + "</p><p>Vraag 1</p><p>Heeft u het\n   bericht gelezen?</p>"
                + "<p>Antwoord 1</p><p>Ja.</p></body></html>");

    // When it is parsed
    DocumentParsed parsed = parse(file);

    // Then the labels split the text and the meta tags give the identifier
    assertThat(parsed.questions())
        .containsExactly(new Segment(List.of("1"), "Heeft u het bericht gelezen?"));
    assertThat(parsed.answers()).containsExactly(new Segment(List.of("1"), "Ja."));
    assertThat(parsed.metadata().identifier()).isEqualTo("ah-tk-20232024-99");
    assertThat(parsed.metadata().askedBy()).containsExactly("Jansen");
    assertThat(parsed.metadata().documentType()).isEqualTo("aanhangsel-antwoord");
  }

  @Test
  void readsUnansweredNumberedKamervragenFromPlainText() throws IOException {
    // Given Kamervragen that are not answered yet, numbered "1." and "2.", with a footnote
    Path file =
        write(
            "kv.txt",
            HEADER
                + "\n\n1. Heeft u het bericht¹ gelezen?\n\n2. Wat gaat u doen?\n\n"
                + "¹ NOS, 1 maart 2024\n");

    // When it is parsed
    DocumentParsed parsed = parse(file);

    // Then the numbered paragraphs are the questions, without the footnote
    assertThat(parsed.questions())
        .containsExactly(
            new Segment(List.of("1"), "Heeft u het bericht gelezen?"),
            new Segment(List.of("2"), "Wat gaat u doen?"));
    assertThat(parsed.answers()).isEmpty();
    assertThat(parsed.footnotes()).containsExactly(new Footnote("1", "NOS, 1 maart 2024"));
    assertThat(parsed.metadata().documentType()).isEqualTo("kamervragen");
    assertThat(parsed.metadata().submittedDate()).isEqualTo(LocalDate.of(2024, 3, 6));
  }

  @Test
  void usesTheQuestionAndAnswerMarkupOfThePublisherXml() throws IOException {
    // Given the publisher's XML, where a grouped label and a footnote are marked up
    Path file =
        write(
            "ah-tk-20232024-77.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><officiele-publicatie>"
                + "<kamervragen><kamervraagomschrijving type=\"vraag\">"
                + HEADER
                + "</kamervraagomschrijving>"
                + "<vraag><nr>Vraag 1 en 2</nr><al>Heeft u het bericht<noot><noot.nr>1</noot.nr><noot.al>NOS</noot.al>"
                + "</noot> gelezen?</al><al>Wat gaat u doen?</al></vraag>"
                + "<antwoord><nr>Antwoord 1 en 2</nr><al>Ja.</al></antwoord></kamervragen></officiele-publicatie>");

    // When it is parsed
    DocumentParsed parsed = parse(file);

    // Then the markup decides the segments
    assertThat(parsed.questions())
        .containsExactly(
            new Segment(List.of("1", "2"), "Heeft u het bericht gelezen?\n\nWat gaat u doen?"));
    assertThat(parsed.answers()).containsExactly(new Segment(List.of("1", "2"), "Ja."));
    assertThat(parsed.footnotes()).containsExactly(new Footnote("1", "NOS"));
    assertThat(parsed.metadata().title()).isEqualTo("de bankrente");
  }

  @Test
  void prefersTheMetadataRecordBesideTheFile() throws IOException {
    // Given a document with a metadata.xml beside it
    Path file =
        write(
            "ah-doc.html",
            "<html><body><p>" + HEADER + "</p><p>Vraag 1</p><p>Waarom?</p></body></html>");
    write(
        "ah-doc.metadata.xml",
        "<metadata_gegevens>"
            + "<metadata name=\"DC.identifier\" content=\"ah-tk-20232024-555\"/>"
            + "<metadata name=\"OVERHEIDop.vergaderjaar\" content=\"2023-2024\"/>"
            + "<metadata name=\"OVERHEIDop.datumOntvangst\" content=\"2024-04-01\"/>"
            + "<metadata name=\"DC.type\" scheme=\"OVERHEIDop.AanhangselTypen\" content=\"Antwoord\"/>"
            + "</metadata_gegevens>");

    // When it is parsed
    DocumentParsed parsed = parse(file);

    // Then identifier, year, date and type come from the record
    assertThat(parsed.metadata().identifier()).isEqualTo("ah-tk-20232024-555");
    assertThat(parsed.metadata().parliamentaryYear()).isEqualTo("2023-2024");
    assertThat(parsed.metadata().receivedDate()).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(parsed.metadata().documentType()).isEqualTo("aanhangsel-antwoord");
    assertThat(parsed.metadata().askedBy()).containsExactly("Jansen");
  }

  @Test
  void prefersThePublisherXmlBesideTheFileForMetadata() throws IOException {
    // Given an HTML rendition with the publisher's XML of the same document beside it
    Path file =
        write(
            "ah-x.html",
            "<html><body><p>" + HEADER + "</p><p>Vraag 1</p><p>Waarom?</p></body></html>");
    write(
        "ah-x.xml",
        "<officiele-publicatie><kamervragen><tekstregel>Vergaderjaar 2023-2024</tekstregel>"
            + "<kamervraagomschrijving>Vragen van het lid Jansen (VVD) aan de Minister van Financiën over de rente"
            + " op spaargeld (ingezonden 7 maart 2024).</kamervraagomschrijving>"
            + "<vraag><nr>Vraag 1</nr><al>Waarom?</al></vraag></kamervragen></officiele-publicatie>");

    // When the HTML is parsed
    DocumentParsed parsed = parse(file);

    // Then the XML's reading wins where it knows a value; the file's own segments stay
    assertThat(parsed.metadata().title()).isEqualTo("de rente op spaargeld");
    assertThat(parsed.metadata().submittedDate()).isEqualTo(LocalDate.of(2024, 3, 7));
    assertThat(parsed.metadata().parliamentaryYear()).isEqualTo("2023-2024");
    assertThat(parsed.questions()).containsExactly(new Segment(List.of("1"), "Waarom?"));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private DocumentParsed parse(Path file) {
    ParseOutcome outcome =
        parser.parse(
            file, new SourceFile(file.getFileName().toString(), null, null, 0, null, null), null);
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    return ((ParseOutcome.Parsed) outcome).document();
  }
}
