package nl.kamerstukken.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import nl.kamerstukken.parse.fixture.HostileFiles;
import nl.kamerstukken.parse.fixture.IncompleteFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No half documents: a file that ends early is an {@code INCOMPLETE_DOCUMENT} unless it is whole
 * after repair, when it is read with a warning.
 */
class IncompleteDocumentsTest {

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

  @ParameterizedTest(name = "cut at {0}%")
  @ValueSource(ints = {5, 20, 33, 45, 60, 70})
  void aPdfCutBeforeItsPagesIsIncomplete(int percent) throws IOException {
    // Given a three-page Kamerstuk cut off at a share of its length
    Path whole = IncompleteFiles.completePdf(dir.resolve("heel.pdf"));
    Path cut = IncompleteFiles.cut(whole, dir.resolve("afgebroken.pdf"), percent);

    // When it is parsed
    ParseOutcome outcome = parse(cut);

    // Then it is incomplete, saying what is missing and what to do
    assertIncomplete(outcome, "afgebroken.pdf is incomplete", "drop the complete file again");
    assertThat(((ParseOutcome.Failed) outcome).message()).contains("ends before its %%EOF");
  }

  @Test
  void aPdfCutInItsCrossReferenceTableIsWholeAfterRepairAndReadWithAWarning() throws IOException {
    // Given a Kamerstuk cut off after its last object, in the cross-reference data at its end
    Path whole = IncompleteFiles.completePdf(dir.resolve("heel.pdf"));
    Path cut = IncompleteFiles.cut(whole, dir.resolve("bijna-heel.pdf"), 95);

    // When it is parsed
    DocumentParsed parsed = parsed(parse(cut));

    // Then every page and question is there, and a warning says it was repaired
    assertThat(parsed.pageCount()).isEqualTo(3);
    assertThat(parsed.questions()).hasSize(6);
    assertThat(parsed.warnings())
        .anySatisfy(
            warning ->
                assertThat(warning).contains("Repaired", "ends before its %%EOF", "all 3 pages"));
  }

  @Test
  void aPdfWithAWrongCrossReferenceTableIsRepairedWithAWarning() throws IOException {
    DocumentParsed parsed = parsed(parse(HostileFiles.brokenXref(dir)));

    assertThat(parsed.questions()).hasSize(2);
    assertThat(parsed.warnings())
        .anySatisfy(warning -> assertThat(warning).contains("cross-reference table"));
  }

  @Test
  void aPdfWithoutItsLastPageObjectIsIncomplete() throws IOException {
    // Given a PDF whose xref and %%EOF are intact, but whose second page object is gone
    Path file = IncompleteFiles.missingLastPage(dir);

    // When it is parsed
    ParseOutcome outcome = parse(file);

    // Then it is incomplete: one of two pages
    assertIncomplete(outcome, "declares 2 pages but only 1 can be read");
  }

  @Test
  void aCompletePdfHasNoRepairWarning() throws IOException {
    DocumentParsed parsed = parsed(parse(IncompleteFiles.completePdf(dir.resolve("heel.pdf"))));

    assertThat(parsed.questions()).hasSize(6);
    assertThat(parsed.warnings()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"antwoord.docx", "antwoord.odt"})
  void aZipBasedDocumentWithoutItsCentralDirectoryIsIncomplete(String name) throws IOException {
    // Given a DOCX or ODT, complete and cut off before its end
    Path whole = write(dir.resolve("heel-" + name), 6);
    Path cut = IncompleteFiles.cut(whole, dir.resolve(name), 80);

    // When both are parsed
    DocumentParsed complete = parsed(parse(whole));
    ParseOutcome outcome = parse(cut);

    // Then the complete one has every question, the cut one is incomplete
    assertThat(complete.questions()).hasSize(6);
    assertIncomplete(outcome, name + " is incomplete", "without its central directory");
  }

  @Test
  void aZipArchiveThatIsNoDocumentIsLeftToTypeDetection() throws IOException {
    Path zip = HostileFiles.zipNamedPdf(dir);
    Path cut = IncompleteFiles.cut(zip, dir.resolve("archief-kort.pdf"), 70);

    assertThat(parse(cut))
        .isInstanceOfSatisfying(
            ParseOutcome.Failed.class,
            failed -> assertThat(failed.reasonCode()).isNotEqualTo(ReasonCode.INCOMPLETE_DOCUMENT));
  }

  private static Path write(Path target, int pairs) throws IOException {
    return target.toString().endsWith(".odt")
        ? IncompleteFiles.odt(target, pairs)
        : IncompleteFiles.docx(target, pairs);
  }

  private static void assertIncomplete(ParseOutcome outcome, String... says) {
    assertThat(outcome)
        .isInstanceOfSatisfying(
            ParseOutcome.Failed.class,
            failed -> {
              assertThat(failed.reasonCode()).isEqualTo(ReasonCode.INCOMPLETE_DOCUMENT);
              assertThat(failed.message()).contains(says);
            });
  }

  private static DocumentParsed parsed(ParseOutcome outcome) {
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    return ((ParseOutcome.Parsed) outcome).document();
  }

  private static ParseOutcome parse(Path file) {
    return parser.parse(
        file, new SourceFile(file.getFileName().toString(), null, null, 0, null, null), null);
  }
}
