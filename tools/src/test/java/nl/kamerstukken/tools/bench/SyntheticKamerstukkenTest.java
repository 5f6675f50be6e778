package nl.kamerstukken.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.model.SourceFile;
import org.junit.jupiter.api.Test;

class SyntheticKamerstukkenTest {

  private final DocumentParsed real =
      new DocumentParsed(
          "a".repeat(64),
          new SourceFile("x.pdf", "a".repeat(64), "application/pdf", 1, null, null),
          new DocumentMetadata(
              "ah-tk-20232024-1",
              "aanhangsel-antwoord",
              "2023-2024",
              null,
              "1",
              "het bericht",
              null,
              List.of("Lid"),
              List.of("BBB"),
              List.of(),
              List.of(),
              null,
              null,
              List.of(),
              List.of(),
              null,
              null,
              List.of()),
          1,
          "tekst",
          List.of(new Segment(List.of("1"), "Kent u het bericht over wachtlijsten?")),
          List.of(new Segment(List.of("1"), "Ja.")),
          List.of(),
          List.of(),
          Instant.EPOCH,
          Instant.EPOCH);

  @Test
  void enoughQuestionsAreMadeFromRealTextWithDistinctIdsAndTheSameResultEveryRun() {
    List<DocumentParsed> first = new SyntheticKamerstukken(List.of(real)).generate(500);
    List<DocumentParsed> second = new SyntheticKamerstukken(List.of(real)).generate(500);

    assertThat(first.stream().mapToInt(d -> d.questions().size()).sum())
        .isGreaterThanOrEqualTo(500);
    assertThat(first).extracting(DocumentParsed::documentId).doesNotHaveDuplicates();
    assertThat(first).extracting(d -> d.metadata().identifier()).doesNotHaveDuplicates();
    assertThat(first)
        .allSatisfy(
            d ->
                assertThat(d.questions())
                    .extracting(Segment::text)
                    .containsOnly("Kent u het bericht over wachtlijsten?"));
    assertThat(first)
        .extracting(DocumentParsed::documentId)
        .containsExactlyElementsOf(second.stream().map(DocumentParsed::documentId).toList());
    assertThat(first)
        .extracting(d -> d.metadata().parties())
        .isEqualTo(second.stream().map(d -> d.metadata().parties()).toList());
  }

  @Test
  void percentilesAreTakenFromTheSortedLatencies() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};

    assertThat(SearchBenchmark.percentile(sorted, 50)).isEqualTo(10);
    assertThat(SearchBenchmark.percentile(sorted, 95)).isEqualTo(19);
    assertThat(SearchBenchmark.percentile(sorted, 100)).isEqualTo(20);
  }
}
