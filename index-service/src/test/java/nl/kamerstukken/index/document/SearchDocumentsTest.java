package nl.kamerstukken.index.document;

import static nl.kamerstukken.index.document.Fixtures.RECEIVED;
import static nl.kamerstukken.index.document.Fixtures.parsed;
import static nl.kamerstukken.index.document.Fixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.Segment;
import org.junit.jupiter.api.Test;

class SearchDocumentsTest {

  private static final String ID = "a".repeat(64);

  @Test
  void eachQuestionBecomesOneQaDocumentWithItsAnswer() {
    // Given questions 1 and 2 and their answers
    DocumentParsed parsed =
        parsed(
            ID,
            "ah-tk-20232024-1481",
            List.of(
                segment("Kent u het bericht?", "1"), segment("Hoe lang zijn de wachttijden?", "2")),
            List.of(segment("Ja.", "1"), segment("Gemiddeld twaalf weken.", "2")),
            RECEIVED);

    // When
    IndexedDocument indexed = Fixtures.indexed(parsed);

    // Then
    assertThat(indexed.qa())
        .extracting(
            QaDoc::position,
            QaDoc::questionNumbers,
            QaDoc::questionText,
            QaDoc::answerNumbers,
            QaDoc::answerText,
            QaDoc::answered)
        .containsExactly(
            tuple(1, List.of("1"), "Kent u het bericht?", List.of("1"), "Ja.", true),
            tuple(
                2,
                List.of("2"),
                "Hoe lang zijn de wachttijden?",
                List.of("2"),
                "Gemiddeld twaalf weken.",
                true));
    assertThat(indexed.document().qaCount()).isEqualTo(2);
  }

  @Test
  void aPairCarriesThePagesOfItsQuestionAndAnswersAndWhatItRefersTo() {
    // Given a question on page 1 and two answer segments for it on pages 2 and 2-3, one naming a
    // Kamerstuk and the Kamerstuk's own Zaak number
    DocumentParsed parsed =
        parsed(
            ID,
            "ah-tk-20232024-1481",
            List.of(new Segment(List.of("1", "2"), "Kent u het bericht?", List.of(1))),
            List.of(
                new Segment(List.of("1"), "Ja, zie Kamerstuk 29 023, nr. 487.", List.of(2)),
                new Segment(List.of("2"), "Nee (2024Z01234).", List.of(2, 3))),
            RECEIVED);

    // When
    QaDoc qa = Fixtures.indexed(parsed).qa().get(0);

    // Then
    assertThat(qa.questionPages()).containsExactly(1);
    assertThat(qa.answerPages()).containsExactly(2, 3);
    assertThat(qa.references())
        .extracting(r -> r.identifier())
        .containsExactly("kst-29023-487", "2024Z01234");
    JsonNode json = Json.mapper().valueToTree(qa);
    assertThat(json.at("/references/0").toString())
        .isEqualTo(
            "{\"kind\":\"kamerstuk\",\"identifier\":\"kst-29023-487\",\"text\":\"Kamerstuk 29 023, nr. 487\"}");
  }

  @Test
  void anAnswerCoveringTwoQuestionsIsCopiedIntoBothPairs() {
    // Given questions 5 and 6, answered together by "Antwoord 5 en 6"
    DocumentParsed parsed =
        parsed(
            ID,
            "ah-tk-20232024-1481",
            List.of(segment("Vraag vijf?", "5"), segment("Vraag zes?", "6")),
            List.of(segment("Antwoord op beide.", "5", "6")),
            RECEIVED);

    // When
    List<QaDoc> qa = Fixtures.indexed(parsed).qa();

    // Then each question is its own hit with the full shared answer
    assertThat(qa)
        .extracting(QaDoc::questionNumbers, QaDoc::answerNumbers, QaDoc::answerText)
        .containsExactly(
            tuple(List.of("5"), List.of("5", "6"), "Antwoord op beide."),
            tuple(List.of("6"), List.of("5", "6"), "Antwoord op beide."));
  }

  @Test
  void itemsOfOnePageArePairedWithinTheirItemAndGetUniqueIds() {
    // Given a historical page with items 30 (question 1, not answered on this page) and 31
    // (questions 1 and 2, answered), numbering restarting per item
    DocumentParsed parsed =
        parsed(
            ID,
            null,
            List.of(
                new Segment(List.of("1"), "Hulp voor Bali?", List.of(), "30"),
                new Segment(List.of("1"), "Raakt dit het beleid?", List.of(), "31"),
                new Segment(List.of("2"), "In hoeverre?", List.of(), "31")),
            List.of(
                new Segment(List.of("1"), "Nee.", List.of(), "31"),
                new Segment(List.of("2"), "Vervalt.", List.of(), "31")),
            RECEIVED);

    // When
    IndexedDocument indexed = Fixtures.indexed(parsed);

    // Then each question has only its own item's answer, under an id of its own
    assertThat(indexed.qa())
        .extracting(QaDoc::questionText, QaDoc::answerText)
        .containsExactly(
            tuple("Hulp voor Bali?", null),
            tuple("Raakt dit het beleid?", "Nee."),
            tuple("In hoeverre?", "Vervalt."));
    assertThat(indexed.qa())
        .extracting(q -> IndexedDocument.qaId(indexed.key(), q.position()))
        .doesNotHaveDuplicates();
  }

  @Test
  void aGroupedQuestionStaysOnePairWithAllItsNumbers() {
    // Given "Vraag 3, 4 en 5" (one text) answered by "Antwoord 3, 4 en 5"
    DocumentParsed parsed =
        parsed(
            ID,
            "ah-tk-20232024-1314",
            List.of(segment("Drie vragen in een.", "3", "4", "5"), segment("Nog een vraag.", "6")),
            List.of(segment("Een antwoord op drie.", "3", "4", "5"), segment("Antwoord zes.", "6")),
            RECEIVED);

    // When
    List<QaDoc> qa = Fixtures.indexed(parsed).qa();

    // Then
    assertThat(qa)
        .extracting(QaDoc::questionNumbers, QaDoc::answerNumbers, QaDoc::answerText)
        .containsExactly(
            tuple(List.of("3", "4", "5"), List.of("3", "4", "5"), "Een antwoord op drie."),
            tuple(List.of("6"), List.of("6"), "Antwoord zes."));
  }

  @Test
  void aGroupedQuestionAnsweredSeparatelyGetsAllItsAnswersInOrder() {
    DocumentParsed parsed =
        parsed(
            ID,
            null,
            List.of(segment("Twee vragen.", "1", "2")),
            List.of(segment("Eerste.", "1"), segment("Tweede.", "2")),
            RECEIVED);

    QaDoc qa = Fixtures.indexed(parsed).qa().get(0);

    assertThat(qa.answerNumbers()).containsExactly("1", "2");
    assertThat(qa.answerText()).isEqualTo("Eerste.\n\nTweede.");
  }

  @Test
  void repeatedNumbersArePairedInTheirOrder() {
    // Given two rounds of questions both numbered from 1
    DocumentParsed parsed =
        parsed(
            ID,
            null,
            List.of(segment("Eerste ronde.", "1"), segment("Tweede ronde.", "1")),
            List.of(segment("Antwoord ronde een.", "1"), segment("Antwoord ronde twee.", "1")),
            RECEIVED);

    List<QaDoc> qa = Fixtures.indexed(parsed).qa();

    assertThat(qa)
        .extracting(QaDoc::answerText)
        .containsExactly("Antwoord ronde een.", "Antwoord ronde twee.");
  }

  @Test
  void unansweredQuestionsAndUnclaimedAnswersAreKept() {
    // Given question 2 has no answer and answer 9 answers no known question
    DocumentParsed parsed =
        parsed(
            ID,
            null,
            List.of(segment("Een?", "1"), segment("Twee?", "2")),
            List.of(segment("Antwoord een.", "1"), segment("Losse mededeling.", "9")),
            RECEIVED);

    List<QaDoc> qa = Fixtures.indexed(parsed).qa();

    assertThat(qa)
        .extracting(QaDoc::position, QaDoc::questionText, QaDoc::answerText, QaDoc::answered)
        .containsExactly(
            tuple(1, "Een?", "Antwoord een.", true),
            tuple(2, "Twee?", null, false),
            tuple(3, null, "Losse mededeling.", true));
    assertThat(qa.get(2).questionNumbers()).isEmpty();
    assertThat(qa.get(2).answerNumbers()).containsExactly("9");
  }

  @Test
  void everyQaDocumentCarriesTheMetadataAndTheWayBackToTheFile() {
    DocumentParsed parsed =
        parsed(
            ID,
            "ah-tk-20232024-1481",
            List.of(segment("Vraag?", "1")),
            List.of(segment("Antwoord.", "1")),
            RECEIVED);

    SharedFields shared = Fixtures.indexed(parsed).qa().get(0).shared();

    assertThat(shared.documentId()).isEqualTo(ID);
    assertThat(shared.identifier()).isEqualTo("ah-tk-20232024-1481");
    assertThat(shared.parties()).containsExactly("BBB");
    assertThat(shared.askedBy()).containsExactly("Van der Plas");
    assertThat(shared.addressedTo())
        .containsExactly("Staatssecretaris van Volksgezondheid, Welzijn en Sport");
    assertThat(shared.zaakNumbers()).containsExactly("2024Z00123");
    assertThat(shared.source().fileName()).isEqualTo(ID + ".pdf");
    assertThat(shared.source().blobUri()).isEqualTo("file:///blobs/" + ID);
  }

  @Test
  void theSearchDocumentsAreStoredUnderTheKamerstukKeyWithTheEventOffsetAsVersion() {
    Kamerstuk kamerstuk =
        Fixtures.kamerstuk(parsed(ID, "kst-26643-1522", List.of(), List.of(), RECEIVED));

    IndexedDocument indexed = SearchDocuments.of(kamerstuk, 41);

    assertThat(indexed.key()).isEqualTo("kst-26643-1522");
    assertThat(indexed.version()).isEqualTo(41);
    assertThat(indexed.document().files())
        .extracting(FileLink::role, FileLink::originalUrl)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "representative", "/api/documents/" + ID + "/original"));
    assertThat(IndexedDocument.qaId("kst-26643-1522", 3)).isEqualTo("kst-26643-1522-qa-3");
  }

  @Test
  void searchDocumentsAreWrittenFlatWithIsoDates() {
    DocumentParsed parsed =
        parsed(
            ID,
            "ah-tk-20232024-1481",
            List.of(segment("Vraag?", "1")),
            List.of(segment("Antwoord.", "1")),
            RECEIVED);
    IndexedDocument indexed = Fixtures.indexed(parsed);

    JsonNode qa = Json.mapper().valueToTree(indexed.qa().get(0));
    JsonNode document = Json.mapper().valueToTree(indexed.document());

    assertThat(qa.has("shared")).isFalse();
    assertThat(qa.get("identifier").asText()).isEqualTo("ah-tk-20232024-1481");
    assertThat(qa.get("date").asText()).isEqualTo("2024-02-20");
    assertThat(qa.get("receivedAt").asText()).isEqualTo("2024-03-01T10:15:30Z");
    assertThat(qa.get("source").get("sourcePath").asText()).isEqualTo("inbox/" + ID + ".pdf");
    assertThat(document.get("footnotes").get(0).asText()).isEqualTo("1 Zie kamerstuk 31839");
    assertThat(document.get("qaCount").asInt()).isEqualTo(1);
  }
}
