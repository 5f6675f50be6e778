package nl.kamerstukken.tools.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.api.FileParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parses every corpus file that has a truth (the PDFs, and the XML/HTML/ODT/TXT renditions that
 * share a truth) and holds the parser to the targets: question and answer F1 at least 0.98 over the
 * corpus, no question or answer on a negative, at least 95% of the truth's metadata fields, every
 * OCR word found.
 */
class CorpusScoreTest {

  private static ScoreReport report;
  private static boolean ocrAvailable;

  @BeforeAll
  static void parseTheCorpus() throws IOException {
    Path corpus = CorpusLocator.corpus();
    Path truth = corpus.resolve("truth");
    List<Scorer.Scored> scored = new ArrayList<>();
    try (FileParser parser = FileParser.create(ParserSettings.defaults());
        Stream<Path> files = Files.list(corpus)) {
      ocrAvailable = parser.ocrAvailable();
      for (Path file : files.filter(f -> Scorer.truthFor(truth, f) != null).sorted().toList()) {
        ParseOutcome outcome =
            parser.parse(
                file,
                new SourceFile(file.getFileName().toString(), null, null, 0, null, null),
                null);
        assertThat(outcome)
            .as("outcome of %s", file.getFileName())
            .isInstanceOf(ParseOutcome.Parsed.class);
        scored.add(new Scorer.Scored(file, ((ParseOutcome.Parsed) outcome).document()));
      }
    }
    report = Scorer.score(truth, scored);
    System.out.println(report.toText());
  }

  @Test
  void findsQuestionsWithAnF1OfAtLeast098() {
    assertThat(report.questions().f1()).as(report.toText()).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void findsAnswersWithAnF1OfAtLeast098() {
    assertThat(report.answers().f1()).as(report.toText()).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void findsNoQuestionsOrAnswersInNegatives() {
    assertThat(report.falsePositiveNegatives()).extracting(DocumentScore::file).isEmpty();
  }

  @Test
  void matchesAtLeast95PercentOfTheMetadataFields() {
    assertThat(report.metadataShare()).as(report.toText()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void scoresEveryDocumentKindOfTheCorpus() {
    assertThat(report.documents())
        .extracting(DocumentScore::docType)
        .contains(
            "aanhangsel-antwoord",
            "commissie-vragen-antwoorden",
            "verslag-schriftelijk-overleg",
            "motie",
            "besluitenlijst",
            "brief",
            "nota",
            "scan");
  }

  @Test
  void findsTheOcrWordsOfScannedPages() {
    Assumptions.assumeTrue(
        ocrAvailable,
        "Tesseract is not installed (apt-get install tesseract-ocr"
            + " tesseract-ocr-nld): the OCR words of scanned pages are not checked");
    assertThat(report.ocrWords()).isPositive();
    assertThat(report.ocrFound()).as(report.toText()).isEqualTo(report.ocrWords());
  }
}
