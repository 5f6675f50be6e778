package nl.kamerstukken.tools.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.model.SourceFile;
import org.junit.jupiter.api.Test;

class ScorerTest {

  @Test
  void normalisesToLowerCaseLettersAndDigits() {
    assertThat(Normaliser.normalise("Ja. «Kritiek» op 8%,  CO2-buis!"))
        .isEqualTo("ja kritiek op 8 co2 buis");
  }

  @Test
  void anEntryMatchesOnNumbersStartAndEnd() {
    // Given a truth with two questions and a parse that gets one right and one with wrong numbers
    Truth truth =
        truth(
            List.of(
                new Truth.Entry(List.of("1"), "Heeft u het bericht", "gelezen?"),
                new Truth.Entry(List.of("2", "3"), "Wat gaat u", "doen?")),
            List.of());
    DocumentParsed parsed =
        parsed(
            List.of(
                new Segment(List.of("1"), "Heeft u het bericht gelezen?"),
                new Segment(List.of("2"), "Wat gaat u doen?")),
            DocumentMetadata.empty());

    // When scored
    DocumentScore score = Scorer.score("x.pdf", truth, parsed);

    // Then one of two is found, one of two found is right
    assertThat(score.questions()).isEqualTo(new EntryScore(2, 2, 1));
    assertThat(score.questions().f1()).isEqualTo(0.5);
    assertThat(score.misses()).anyMatch(m -> m.startsWith("Q [2, 3] not found"));
  }

  @Test
  void aNegativeWithoutSegmentsScoresPerfectly() {
    DocumentScore score =
        Scorer.score(
            "motie.pdf", truth(List.of(), List.of()), parsed(List.of(), DocumentMetadata.empty()));

    assertThat(score.negative()).isTrue();
    assertThat(score.falsePositiveOnNegative()).isFalse();
    assertThat(score.questions().f1()).isEqualTo(1.0);
  }

  @Test
  void comparesMetadataPerFieldKind() {
    // Given truth metadata with a list, a date, a title and an unknown value
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    meta.putArray("parties").add("VVD").add("D66");
    meta.put("submittedDate", "2024-03-06");
    meta.put("title", "het bericht «X»");
    meta.putNull("receivedDate");
    Truth truth =
        new Truth(
            "x.pdf",
            "aanhangsel-antwoord",
            "ah-tk-20232024-1",
            meta,
            List.of(),
            List.of(),
            List.of());
    DocumentMetadata ours =
        new DocumentMetadata(
            "ah-tk-20232024-1",
            "aanhangsel-antwoord",
            null,
            null,
            null,
            "Het bericht X",
            null,
            null,
            List.of("D66", "VVD"),
            null,
            null,
            LocalDate.of(2024, 3, 6),
            LocalDate.of(2024, 3, 7),
            null,
            null,
            null,
            null,
            null);

    // When compared
    List<MetadataMatcher.Field> fields = MetadataMatcher.compare(truth, ours);

    // Then sets ignore order, text ignores case and punctuation, an invented date is wrong
    assertThat(fields)
        .extracting(MetadataMatcher.Field::name, MetadataMatcher.Field::matched)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("identifier", true),
                org.assertj.core.groups.Tuple.tuple("docType", true),
            org.assertj.core.groups.Tuple.tuple("parties", true),
                org.assertj.core.groups.Tuple.tuple("submittedDate", true),
            org.assertj.core.groups.Tuple.tuple("title", true),
                org.assertj.core.groups.Tuple.tuple("receivedDate", false));
  }

  private static Truth truth(List<Truth.Entry> questions, List<Truth.Entry> answers) {
    return new Truth(
        "x.pdf",
        "aanhangsel-antwoord",
        null,
        JsonNodeFactory.instance.objectNode(),
        questions,
        answers,
        List.of());
  }

  private static DocumentParsed parsed(List<Segment> questions, DocumentMetadata metadata) {
    return new DocumentParsed(
        "id",
        new SourceFile("x.pdf", "id", "application/pdf", 1, null, null),
        metadata,
        1,
        "",
        questions,
        List.of(),
        List.of(),
        List.of(),
        null,
        Instant.now());
  }
}
