package nl.kamerstukken.parse.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.KamerstukParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import nl.kamerstukken.parse.fixture.KamerstukPdf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervision of parse workers: a worker that hangs, runs out of memory, crashes natively or
 * overflows its stack costs one document (a failed outcome with the reason), never the service; the
 * next document is parsed by a fresh worker.
 */
class ParseWorkerPoolTest {

  private static final ParserSettings NO_OCR = ParserSettings.defaults().withOcr(false, "nld");
  private static final Duration BUDGET = Duration.ofSeconds(5);
  private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();
  private static ParseWorkerPool misbehaving;

  @TempDir Path dir;

  @BeforeAll
  static void startMisbehavingWorker() {
    misbehaving =
        ParseWorkerPool.start(
            NO_OCR,
            IsolationSettings.defaults(1)
                .withLimits("64m", BUDGET, 1024)
                .withMainClass(MisbehavingWorkerMain.class.getName()),
            REGISTRY);
  }

  @AfterAll
  static void stopWorkers() {
    misbehaving.close();
  }

  @Test
  void aWorkerParsesExactlyAsTheParserInThisJvm() throws IOException {
    // Given a Kamerstuk and the in-process parser's reading of it
    Path pdf =
        KamerstukPdf.builder()
            .line("Vraag 1")
            .line("Is dit een vraag?")
            .gap()
            .line("Antwoord 1")
            .line("Ja, dit is een vraag.")
            .write(dir.resolve("ah.pdf"));
    SourceFile source =
        new SourceFile("ah.pdf", null, "application/pdf", 0, "map/ah.pdf", "file:///blob");
    Instant received = Instant.parse("2026-01-02T03:04:05.123456Z");
    DocumentParsed expected;
    try (KamerstukParser inProcess = KamerstukParser.create(NO_OCR)) {
      expected = ((ParseOutcome.Parsed) inProcess.parse(pdf, source, received)).document();
    }

    // When a parse worker parses it
    ParseOutcome outcome;
    try (ParseWorkerPool isolated =
        ParseWorkerPool.start(NO_OCR, IsolationSettings.defaults(1), REGISTRY)) {
      outcome = isolated.parse(pdf, source, received);
    }

    // Then the result is the same document (only the moment of parsing differs)
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    DocumentParsed parsed = ((ParseOutcome.Parsed) outcome).document();
    assertThat(parsed).usingRecursiveComparison().ignoringFields("parsedAt").isEqualTo(expected);
    assertThat(parsed.questions()).hasSize(1);
  }

  @Test
  void aDocumentThatHangsTimesOutAndTheNextIsParsedByAFreshWorker() throws IOException {
    long started = System.nanoTime();
    ParseOutcome hung = misbehaving.parse(file("hang"), source("traag.pdf"), null);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(hung)
        .isEqualTo(
            new ParseOutcome.Failed(
                ReasonCode.PARSE_TIMEOUT,
                "parsing traag.pdf took longer"
                    + " than 5 s (PARSE_TIMEOUT); the parse worker was stopped. A document this slow is usually malformed or a"
                    + " long scan: check it, or raise PARSE_TIMEOUT",
                1));
    assertThat(took).isBetween(BUDGET, BUDGET.plusSeconds(10));
    assertAnswers();
  }

  @Test
  void runningOutOfMemoryIsReportedAfterASecondTryAndTheServiceGoesOn() throws IOException {
    ParseOutcome outcome = misbehaving.parse(file("oom"), source("groot.pdf"), null);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            ParseOutcome.Failed.class,
            failed -> {
              assertThat(failed.reasonCode()).isEqualTo(ReasonCode.OUT_OF_MEMORY);
              assertThat(failed.message()).contains("groot.pdf", "64m", "PARSE_WORKER_HEAP");
              assertThat(failed.attempts()).isEqualTo(2);
            });
    assertAnswers();
  }

  @Test
  void aNativeCrashIsReportedAsCrashedWithTheSignal() throws IOException {
    ParseOutcome outcome = misbehaving.parse(file("segv"), source("kapot.pdf"), null);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            ParseOutcome.Failed.class,
            failed -> {
              assertThat(failed.reasonCode()).isEqualTo(ReasonCode.PARSER_CRASHED);
              assertThat(failed.message())
                  .contains("kapot.pdf", "the JVM crashed natively", "SIGSEGV");
              assertThat(failed.attempts()).isEqualTo(2);
            });
    assertAnswers();
  }

  @Test
  void aStackOverflowIsReportedOnceAndTheWorkerIsReplaced() throws IOException {
    ParseOutcome outcome = misbehaving.parse(file("soe"), source("diep.pdf"), null);

    assertThat(outcome)
        .isEqualTo(
            new ParseOutcome.Failed(
                ReasonCode.PARSER_CRASHED,
                "the parser overflowed its"
                    + " stack on diep.pdf (nesting too deep); the document cannot be read",
                1));
    assertAnswers();
  }

  @Test
  void aFileAboveTheSizeLimitIsRefusedWithoutParsing() throws IOException {
    Path large = Files.write(dir.resolve("groot.pdf"), new byte[2048]);

    ParseOutcome outcome = misbehaving.parse(large, source("groot.pdf"), null);

    assertThat(outcome)
        .isEqualTo(
            new ParseOutcome.Failed(
                ReasonCode.TOO_LARGE,
                "groot.pdf is 0.0 MB, more than"
                    + " the 0.0 MB this service parses (PARSE_MAX_FILE_SIZE); split the document or raise the limit"));
  }

  @Test
  void aWorkerThatCannotStartStopsTheServiceStartWithTheReason() {
    IsolationSettings broken =
        IsolationSettings.defaults(1).withMainClass("nl.kamerstukken.DoesNotExist");

    assertThatThrownBy(() -> ParseWorkerPool.start(NO_OCR, broken, REGISTRY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("parse workers cannot start")
        .hasMessageContaining("nl.kamerstukken.DoesNotExist");
  }

  @Test
  void oneWorkerStartsWithThePoolAndASecondOnlyWhenADocumentWaitsForIt() throws Exception {
    try (ParseWorkerPool pool =
        ParseWorkerPool.start(
            NO_OCR,
            IsolationSettings.defaults(2)
                .withLimits("64m", BUDGET, 1024)
                .withMainClass(MisbehavingWorkerMain.class.getName()),
            new SimpleMeterRegistry())) {
      assertThat(pool.health().detail()).startsWith("1 of 2 parse workers running");

      // Documents one at a time: the same worker takes each
      for (int i = 0; i < 3; i++) {
        assertThat(pool.parse(file("hallo"), source("goed.pdf"), null))
            .isInstanceOf(ParseOutcome.Failed.class);
      }
      assertThat(pool.health().detail()).startsWith("1 of 2 parse workers running");

      // A document arrives while the first worker is busy: the second worker starts for it
      Path busy = file("hang-marked");
      var hanging =
          CompletableFuture.supplyAsync(() -> pool.parse(busy, source("traag.pdf"), null));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Files.exists(busy.resolveSibling(busy.getFileName() + ".busy")));
      assertThat(pool.parse(file("hallo"), source("goed.pdf"), null))
          .isEqualTo(new ParseOutcome.Failed(ReasonCode.UNREADABLE_DOCUMENT, "answered: hallo"));
      assertThat(pool.health().detail()).startsWith("2 of 2 parse workers running");
      assertThat(hanging.get())
          .isInstanceOfSatisfying(
              ParseOutcome.Failed.class,
              failed -> assertThat(failed.reasonCode()).isEqualTo(ReasonCode.PARSE_TIMEOUT));
    }
  }

  /** The worker answers the next document normally. */
  private void assertAnswers() throws IOException {
    assertThat(misbehaving.parse(file("hallo"), source("goed.pdf"), null))
        .isEqualTo(new ParseOutcome.Failed(ReasonCode.UNREADABLE_DOCUMENT, "answered: hallo"));
    assertThat(misbehaving.health().up()).isTrue();
  }

  private Path file(String behaviour) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "blob", ".bin"), behaviour);
  }

  private static SourceFile source(String name) {
    return new SourceFile(name, "0".repeat(64), "application/pdf", 4, name, null);
  }
}
