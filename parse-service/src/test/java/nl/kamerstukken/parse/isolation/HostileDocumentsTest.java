package nl.kamerstukken.parse.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.KamerstukParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import nl.kamerstukken.parse.fixture.HostileFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files, generated here, parsed by the real parse workers with the service's defaults (512m
 * heap, 120 s per document, OCR on): each ends in a correct result or a failed outcome with a clear
 * reason, within the budget, and the workers go on. The outcomes and times are written to {@code
 * target/hostile-documents.md}.
 */
class HostileDocumentsTest {

  private static final Duration BUDGET = IsolationSettings.DEFAULT_TIMEOUT;
  private static final String SECRET = "GEHEIM-7f3a9c";
  private static final List<String> REPORT = new ArrayList<>();
  private static ParseWorkerPool parser;
  private static boolean ocr;

  @TempDir static Path dir;
  private static Path secret;

  @BeforeAll
  static void startWorkers() throws IOException {
    parser =
        ParseWorkerPool.start(
            ParserSettings.defaults(), IsolationSettings.defaults(1), new SimpleMeterRegistry());
    try (KamerstukParser probe = KamerstukParser.create(ParserSettings.defaults())) {
      ocr = probe.ocrAvailable();
    }
    secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
  }

  @AfterAll
  static void stopWorkersAndWriteTheReport() throws IOException {
    parser.close();
    List<String> lines =
        new ArrayList<>(List.of("| file | size | outcome | ms |", "|---|---|---|---|"));
    lines.addAll(REPORT);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "hostile-documents.md"), lines);
    lines.forEach(System.out::println);
  }

  @Test
  void anEmptyFileIsEmpty() throws IOException {
    assertFailed(parse(HostileFiles.empty(dir)), ReasonCode.EMPTY_DOCUMENT, "leeg.pdf is empty");
  }

  @Test
  void aTruncatedPdfIsUnreadable() throws IOException {
    assertFailed(
        parse(HostileFiles.truncated(dir, 60)),
        ReasonCode.UNREADABLE_DOCUMENT,
        "not a readable PDF");
  }

  @Test
  void aPdfLockedWithAUserPasswordIsEncrypted() throws IOException {
    assertFailed(
        parse(HostileFiles.encrypted(dir, "slot.pdf", "geheim")),
        ReasonCode.ENCRYPTED_DOCUMENT,
        "password-protected");
  }

  @Test
  void aPdfEncryptedWithoutAUserPasswordIsRead() throws IOException {
    DocumentParsed parsed = assertParsed(parse(HostileFiles.encrypted(dir, "eigenaar.pdf", "")));
    assertThat(parsed.questions()).hasSize(2);
    assertThat(parsed.questions().get(0).text()).isEqualTo(HostileFiles.question(1));
  }

  @Test
  void aPdfWithABrokenXrefIsRepairedAndRead() throws IOException {
    DocumentParsed parsed = assertParsed(parse(HostileFiles.brokenXref(dir)));
    assertThat(parsed.pageCount()).isEqualTo(2);
    assertThat(parsed.questions()).hasSize(2);
  }

  @Test
  void aPageTreeClaimingMillionsOfPagesIsRefusedBeforeReading() throws IOException {
    assertFailed(
        parse(HostileFiles.claimsPages(dir, 5_000_000)),
        ReasonCode.TOO_MANY_PAGES,
        "has 5000000 pages, more than the 2000");
  }

  @Test
  void deeplyNestedObjectsStopAtPdfBoxsDepthLimit() throws IOException {
    // PDFBox refuses objects nested deeper than 500 levels: the page is unreadable, so the document
    // has no text
    assertFailed(
        parse(HostileFiles.deeplyNested(dir, 100_000)),
        ReasonCode.EMPTY_DOCUMENT,
        "contains no text");
  }

  @Test
  void aFormThatDrawsItselfIsDrawnOnce() throws IOException {
    DocumentParsed parsed = assertParsed(parse(HostileFiles.selfDrawingForm(dir)));
    assertThat(parsed.pageCount()).isEqualTo(1);
    assertThat(parsed.text()).contains("Vraag 1");
  }

  @Test
  void aHugeEmbeddedImageRunsAWorkerOutOfMemoryNotTheService() throws IOException {
    assumeTrue(ocr, "Tesseract is not installed: the image page is not rendered without OCR");
    ParseOutcome outcome = parse(HostileFiles.hugeImage(dir, 20_000));

    assertFailed(outcome, ReasonCode.OUT_OF_MEMORY, "512m heap (PARSE_WORKER_HEAP)");
    assertThat(((ParseOutcome.Failed) outcome).attempts()).isEqualTo(2);
  }

  @Test
  void aFiveHundredPagePdfIsReadCompletely() throws IOException {
    DocumentParsed parsed =
        assertParsed(parse(HostileFiles.kamerstuk(500, 500).write(dir.resolve("vijfhonderd.pdf"))));
    assertThat(parsed.pageCount()).isEqualTo(500);
    assertThat(parsed.questions()).hasSize(500);
    assertThat(parsed.answers()).hasSize(500);
    assertThat(parsed.questions().get(499).text()).isEqualTo(HostileFiles.question(500));
  }

  @Test
  void aZipNamedPdfIsUnsupported() throws IOException {
    assertFailed(
        parse(HostileFiles.zipNamedPdf(dir)),
        ReasonCode.UNSUPPORTED_MEDIA_TYPE,
        "is application/zip");
  }

  @Test
  void randomBytesAreUnreadable() throws IOException {
    assertFailed(
        parse(HostileFiles.randomBytes(dir, 64 * 1024)),
        ReasonCode.UNREADABLE_DOCUMENT,
        "not a readable PDF");
  }

  @Test
  void aDocxZipBombIsRefusedWhileInflating() throws IOException {
    assertFailed(
        parse(HostileFiles.docxZipBomb(dir, 300)), ReasonCode.ZIP_BOMB, "looks like a zip bomb");
  }

  @Test
  void anExternalEntityInPublisherXmlIsNotRead() throws IOException {
    DocumentParsed parsed =
        assertParsed(parse(HostileFiles.publisherXmlWithExternalEntity(dir, secret)));
    assertThat(parsed.questions())
        .singleElement()
        .satisfies(q -> assertThat(q.text()).isEqualTo("Wat staat er in ?"));
  }

  @Test
  void anExternalEntityInOtherXmlIsNotRead() throws IOException {
    DocumentParsed parsed = assertParsed(parse(HostileFiles.xmlWithExternalEntity(dir, secret)));
    assertThat(parsed.text()).contains("Wat staat er in");
  }

  @Test
  void nestedEntitiesInPublisherXmlAreNotExpanded() throws IOException {
    // The publisher XML reader does not expand entities at all: the only paragraph stays empty
    assertFailed(
        parse(HostileFiles.entityExpansion(dir, "officiele-publicatie")),
        ReasonCode.EMPTY_DOCUMENT,
        "contains no text");
  }

  @Test
  void nestedEntitiesInOtherXmlStopAtTheExpansionLimit() throws IOException {
    assertFailed(
        parse(HostileFiles.entityExpansion(dir, "brief")),
        ReasonCode.UNREADABLE_DOCUMENT,
        "could not be read as application/xml");
  }

  /**
   * Parses as the service does, checks the time budget, the secret, and records the row of the
   * report.
   */
  private static ParseOutcome parse(Path file) throws IOException {
    String name = file.getFileName().toString();
    long started = System.nanoTime();
    ParseOutcome outcome =
        parser.parse(file, new SourceFile(name, null, null, 0, null, null), null);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    String shown =
        outcome instanceof ParseOutcome.Failed failed
            ? failed.reasonCode()
                + (failed.attempts() > 1 ? " (" + failed.attempts() + " attempts)" : "")
            : "parsed: "
                + ((ParseOutcome.Parsed) outcome).document().pageCount()
                + " page(s), "
                + ((ParseOutcome.Parsed) outcome).document().questions().size()
                + " question(s)";
    REPORT.add(
        "| " + name + " | " + Files.size(file) + " | " + shown + " | " + took.toMillis() + " |");
    assertThat(took).isLessThan(BUDGET.multipliedBy(WorkerSlot.CRASH_ATTEMPTS));
    assertThat(outcome.toString()).doesNotContain(SECRET);
    return outcome;
  }

  private static void assertFailed(
      ParseOutcome outcome, ReasonCode reasonCode, String messagePart) {
    assertThat(outcome)
        .isInstanceOfSatisfying(
            ParseOutcome.Failed.class,
            failed -> {
              assertThat(failed.reasonCode()).isEqualTo(reasonCode);
              assertThat(failed.message()).contains(messagePart);
            });
  }

  private static DocumentParsed assertParsed(ParseOutcome outcome) {
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    return ((ParseOutcome.Parsed) outcome).document();
  }
}
