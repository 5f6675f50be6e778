package nl.kamerstukken.tools.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.api.FileParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import nl.kamerstukken.parse.fixture.CorpusLocator;
import nl.kamerstukken.parse.fixture.TextLayerPdf;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parses every corpus file that has a truth (the PDFs, and the XML/HTML/ODT/TXT renditions that
 * share a truth) and holds the parser to the targets: question and answer F1 at least 0.98 over the
 * corpus, no question or answer on a negative, at least 95% of the truth's metadata fields, every
 * OCR word found. The historical corpus ({@link Historical}) is held to its own targets.
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

  /**
   * The historical corpus (../shared/corpus-historical: OCR'd Aanhangsel pages 1950-1994, three
   * layout families): question and answer F1 at least 0.90, metadata at least 80%, no question or
   * answer on a negative and no answer where only a Mededeling was printed. Prints the scores per
   * layout (the truth's MANIFEST.tsv).
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Historical {

    private ScoreReport historical;

    @BeforeAll
    void parseTheHistoricalCorpus() throws IOException {
      Path corpus = CorpusLocator.historical();
      Path truth = corpus.resolve("truth");
      List<Scorer.Scored> scored = new ArrayList<>();
      try (FileParser parser = FileParser.create(ParserSettings.defaults());
          Stream<Path> files = Files.list(corpus.resolve("docs"))) {
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
      historical = Scorer.score(truth, scored);
      System.out.println(historical.toText());
      System.out.println(perLayout(corpus.resolve("MANIFEST.tsv"), historical));
    }

    @Test
    void findsHistoricalQuestionsWithAnF1OfAtLeast090() {
      assertThat(historical.questions().f1()).as(historical.toText()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void findsHistoricalAnswersWithAnF1OfAtLeast090() {
      assertThat(historical.answers().f1()).as(historical.toText()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void findsNoQuestionsOrAnswersInHistoricalNegatives() {
      assertThat(historical.falsePositiveNegatives()).extracting(DocumentScore::file).isEmpty();
      assertThat(historical.documents())
          .filteredOn(d -> d.docType().equals("kamervragen-zonder-antwoord"))
          .allSatisfy(d -> assertThat(d.answers().found()).as(d.file()).isZero());
    }

    @Test
    void matchesAtLeast80PercentOfTheHistoricalMetadataFields() {
      assertThat(historical.metadataShare()).as(historical.toText()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void readsTheSamePagesAsPdfsWithATextLayer(@TempDir Path dir) throws IOException {
      // Given every historical page as a PDF with a text layer (paragraphs wrapped into lines)
      Path corpus = CorpusLocator.historical();
      Path truth = corpus.resolve("truth");
      List<Scorer.Scored> scored = new ArrayList<>();
      try (FileParser parser = FileParser.create(ParserSettings.defaults());
          Stream<Path> files = Files.list(corpus.resolve("docs"))) {
        for (Path text : files.filter(f -> Scorer.truthFor(truth, f) != null).sorted().toList()) {
          Path pdf =
              TextLayerPdf.write(
                  Files.readString(text),
                  dir.resolve(text.getFileName().toString().replace(".txt", ".pdf")));
          ParseOutcome outcome =
              parser.parse(
                  pdf,
                  new SourceFile(pdf.getFileName().toString(), null, null, 0, null, null),
                  null);
          scored.add(new Scorer.Scored(pdf, ((ParseOutcome.Parsed) outcome).document()));
        }
      }

      // When scored with the same rule
      ScoreReport pdfs = Scorer.score(truth, scored);

      // Then the targets hold for the PDFs too
      assertThat(pdfs.questions().f1()).as(pdfs.toText()).isGreaterThanOrEqualTo(0.90);
      assertThat(pdfs.answers().f1()).as(pdfs.toText()).isGreaterThanOrEqualTo(0.90);
      assertThat(pdfs.metadataShare()).as(pdfs.toText()).isGreaterThanOrEqualTo(0.80);
      assertThat(pdfs.falsePositiveNegatives()).isEmpty();
    }
  }

  /** Question and answer F1 and metadata share per layout named in a MANIFEST.tsv. */
  static String perLayout(Path manifest, ScoreReport report) throws IOException {
    Map<String, String> layoutOf = new HashMap<>();
    if (Files.isRegularFile(manifest)) {
      List<String> rows = Files.readAllLines(manifest);
      int column = List.of(rows.get(0).split("\t")).indexOf("layout");
      for (String row : rows.subList(1, rows.size())) {
        String[] cells = row.split("\t");
        layoutOf.put(cells[0], column >= 0 && column < cells.length ? cells[column] : "?");
      }
    }
    Map<String, List<DocumentScore>> byLayout = new TreeMap<>();
    for (DocumentScore d : report.documents()) {
      byLayout.computeIfAbsent(layoutOf.getOrDefault(d.file(), "?"), k -> new ArrayList<>()).add(d);
    }
    StringBuilder out = new StringBuilder("per layout: questions F1 / answers F1 / metadata\n");
    byLayout.forEach(
        (layout, docs) -> {
          ScoreReport r = new ScoreReport(docs);
          out.append(
              String.format(
                  java.util.Locale.ROOT,
                  "  %-10s %2d docs  %.2f / %.2f / %.1f%%%n",
                  layout,
                  docs.size(),
                  r.questions().f1(),
                  r.answers().f1(),
                  100 * r.metadataShare()));
        });
    return out.toString();
  }
}
