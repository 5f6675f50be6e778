package nl.kamerstukken.pipeline.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.kamerstukken.cli.parse.LocalFile;
import nl.kamerstukken.cli.up.Pipeline;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.localstack.junit.TestCorpus;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.parse.api.FileParser;
import nl.kamerstukken.parse.api.ParserSettings;
import nl.kamerstukken.parse.fixture.HostileFiles;
import nl.kamerstukken.parse.fixture.IncompleteFiles;
import nl.kamerstukken.pipeline.CliRun;
import nl.kamerstukken.pipeline.TestPipelines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile set and the corpus through the whole pipeline, as users would drop them: every file
 * ends in the index or as a dead letter with its reason, nothing outside the inbox is read, the
 * other documents are not disturbed, and every service stays within its 256 MB heap (measured from
 * the services' GC logs, written to {@code target/hostile-inbox.md}).
 */
@ExtendWith(LocalStackExtension.class)
class HostileInboxIT {

  private static final Duration PATIENCE = Duration.ofMinutes(6);
  private static final String SECRET =
      "ZEERGEHEIM" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  private static final Path LOGS = Path.of("target", "hostile-logs").toAbsolutePath();

  @TempDir static Path work;
  static PipelineSettings settings;
  static Pipeline pipeline;
  static Observer observer;

  @BeforeAll
  static void startThePipeline(LocalStack stack) throws Exception {
    String namespace = TestPipelines.namespace("hostile");
    settings =
        TestPipelines.settings(
            stack.kafkaBootstrapServers(),
            stack.elasticsearchUrl(),
            work,
            namespace,
            LOGS.resolve(namespace));
    observer = new Observer(stack.elasticsearchUrl(), stack.kafkaBootstrapServers(), settings);
    pipeline = Pipeline.start(settings);
  }

  @AfterAll
  static void stopThePipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void hostileFilesEndIndexedOrDeadLetteredAndTheCorpusBesideThemIsUndisturbed() throws Exception {
    // Given a secret outside the inbox, the hostile set, hostile names, a slow writer, a link out,
    // and the corpus
    Path secret = Files.writeString(work.resolve("geheim.txt"), SECRET);
    Map<String, String> expected = hostileSet(secret);
    namedFiles();
    List<Path> corpus = corpus();

    // When they are dropped into the inbox (the corpus and a file that takes three seconds to write
    // among them)
    Path slow = dropEverything(corpus);

    // Then every hostile file ends as expected: dead-lettered with its reason, or parsed
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(outcomes(expected.keySet()))
                    .containsExactlyInAnyOrderEntriesOf(expected));
    // And nothing outside the inbox was read, the slow file was indexed once, the names are kept
    // exactly
    assertNothingReadOutsideTheInbox();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        observer
                            .documentById(LocalFile.describe(slow).sha256())
                            .path("identifier")
                            .asText())
                    .isEqualTo("ah-tk-20252026-99002"));
    assertTheNamesAreKept();
    // And a complete copy dropped under the name of an incomplete file is indexed whole
    assertCompleteCopiesReplaceIncompleteOnes();
    // And every corpus file beside them was parsed or dead-lettered
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(unaccounted(corpus)).isEmpty());
    // And an operator sees it all and can re-drive a dead letter
    assertStatusAndRedrive();
    // And the services are all alive, never restarted, within their heaps
    assertThat(pipeline.services())
        .allSatisfy(service -> assertThat(service.isAlive()).as(service.name()).isTrue());
    writeReport(expected);
  }

  /**
   * Moves the hostile set and the names in, links out, writes one file slowly, copies the corpus
   * in.
   */
  private static Path dropEverything(List<Path> corpus) throws IOException {
    Path outside = new GeneratedKamerstuk(99_001, 1).write(work.resolve("buiten.pdf"));
    Files.move(
        work.resolve("hostile"),
        settings.inbox().resolve("hostile"),
        StandardCopyOption.ATOMIC_MOVE);
    Files.move(
        work.resolve("namen"), settings.inbox().resolve("namen"), StandardCopyOption.ATOMIC_MOVE);
    Files.createSymbolicLink(settings.inbox().resolve("link-naar-buiten.pdf"), outside);
    Path slow =
        writeSlowly(
            new GeneratedKamerstuk(99_002, 2).write(work.resolve("traag.pdf")),
            settings.inbox().resolve("traag-geschreven.pdf"));
    Path corpusFolder = Files.createDirectories(settings.inbox().resolve("corpus"));
    for (Path file : corpus) {
      Files.copy(file, corpusFolder.resolve(file.getFileName()));
    }
    return slow;
  }

  /**
   * The link out was refused and never read; the secret the XML entities name is nowhere in the
   * index.
   */
  private static void assertNothingReadOutsideTheInbox() {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(observer.allDeadLetters())
                    .anySatisfy(
                        letter -> {
                          assertThat(letter.stage()).isEqualTo(Stage.INGEST);
                          assertThat(letter.reasonCode())
                              .isEqualTo(ReasonCode.OUTSIDE_WATCHED_FOLDER);
                          assertThat(letter.originalEvent().path("sourcePath").asText())
                              .isEqualTo("link-naar-buiten.pdf");
                        }));
    assertThat(
            observer.count(
                "kamerstukken-documents", "{\"term\":{\"identifier\":\"ah-tk-20252026-99001\"}}"))
        .isZero();
    assertThat(
            observer.count(
                "kamerstukken-documents", "{\"query_string\":{\"query\":\"" + SECRET + "\"}}"))
        .isZero();
    assertThat(
            observer.count("kamerstukken-qa", "{\"query_string\":{\"query\":\"" + SECRET + "\"}}"))
        .isZero();
  }

  /**
   * Each hostile name is indexed under exactly that name; the hidden one is ignored, as every
   * dot-file is.
   */
  private static void assertTheNamesAreKept() throws IOException {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              for (String name : HOSTILE_NAMES) {
                assertThat(
                        observer.count(
                            "kamerstukken-documents",
                            "{\"term\":{\"source.fileName\":"
                                + Json.mapper().writeValueAsString(name)
                                + "}}"))
                    .as(name)
                    .isEqualTo(1);
              }
            });
    assertThat(observer.receivedDocumentIds())
        .doesNotContain(
            LocalFile.describe(settings.inbox().resolve("namen").resolve(HIDDEN_NAME)).sha256());
  }

  /**
   * status counts the dead letters and sees nothing stuck; a re-driven locked PDF fails again the
   * same way.
   */
  private static void assertStatusAndRedrive() throws IOException {
    CliRun status = CliRun.of(withPipeline("status", "--window", "2s"));
    assertThat(status.exitCode()).isZero();
    assertThat(status.output())
        .contains(
            "PARSE ZIP_BOMB",
            "PARSE INCOMPLETE_DOCUMENT",
            "INGEST OUTSIDE_WATCHED_FOLDER",
            "OK: nothing waiting");
    String locked =
        LocalFile.describe(settings.inbox().resolve("hostile").resolve("slot.pdf")).sha256();
    assertThat(CliRun.of(withPipeline("dlq", "retry", "--id", locked.substring(0, 12))).exitCode())
        .isZero();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(observer.allDeadLetters())
                    .filteredOn(letter -> locked.equals(letter.documentId()))
                    .extracting(DeadLetter::reasonCode)
                    .containsExactly(ReasonCode.ENCRYPTED_DOCUMENT, ReasonCode.ENCRYPTED_DOCUMENT));
  }

  /**
   * Names a user may give files: with dot-dot and (escaped) slashes as text, unicode, spaces, 255
   * characters.
   */
  private static final List<String> HOSTILE_NAMES =
      List.of(
          "kst ..\\..\\etc\\passwd.pdf",
          "kst ..%2F..%2Fgeheim.pdf",
          "Vragen en antwoorden (2026) over één reünie ✓.pdf",
          "k".repeat(251) + ".pdf");

  /** Starts with a dot: a hidden file, which ingest ignores like every dot-file. */
  private static final String HIDDEN_NAME = "..\\..\\etc\\passwd.pdf";

  /** Writes the hostile set into {@code work/hostile}; returns file name -> expected outcome. */
  private static Map<String, String> hostileSet(Path secret) throws IOException {
    Path dir = Files.createDirectories(work.resolve("hostile"));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(HostileFiles.empty(dir).getFileName().toString(), "PARSE EMPTY_DOCUMENT");
    incompleteFiles(dir, expected);
    expected.put(
        HostileFiles.encrypted(dir, "slot.pdf", "geheim").getFileName().toString(),
        "PARSE ENCRYPTED_DOCUMENT");
    expected.put(
        HostileFiles.encrypted(dir, "eigenaar.pdf", "").getFileName().toString(), "parsed");
    expected.put(HostileFiles.brokenXref(dir).getFileName().toString(), "parsed");
    expected.put(
        HostileFiles.claimsPages(dir, 5_000_000).getFileName().toString(), "PARSE TOO_MANY_PAGES");
    expected.put(
        HostileFiles.deeplyNested(dir, 100_000).getFileName().toString(), "PARSE EMPTY_DOCUMENT");
    expected.put(HostileFiles.selfDrawingForm(dir).getFileName().toString(), "parsed");
    // Without Tesseract the image page is not rendered (no OCR), so nothing decodes the image
    expected.put(
        HostileFiles.hugeImage(dir, 20_000).getFileName().toString(),
        ocrAvailable() ? "PARSE OUT_OF_MEMORY" : "parsed");
    expected.put(
        HostileFiles.kamerstuk(500, 500)
            .write(dir.resolve("vijfhonderd.pdf"))
            .getFileName()
            .toString(),
        "parsed");
    expected.put(
        HostileFiles.zipNamedPdf(dir).getFileName().toString(), "PARSE UNSUPPORTED_MEDIA_TYPE");
    expected.put(
        HostileFiles.randomBytes(dir, 64 * 1024).getFileName().toString(),
        "PARSE UNREADABLE_DOCUMENT");
    expected.put(HostileFiles.docxZipBomb(dir, 300).getFileName().toString(), "PARSE ZIP_BOMB");
    expected.put(
        HostileFiles.publisherXmlWithExternalEntity(dir, secret).getFileName().toString(),
        "parsed");
    expected.put(
        HostileFiles.xmlWithExternalEntity(dir, secret).getFileName().toString(), "parsed");
    expected.put(
        HostileFiles.entityExpansion(dir, "officiele-publicatie").getFileName().toString(),
        "PARSE EMPTY_DOCUMENT");
    expected.put(
        HostileFiles.entityExpansion(dir, "brief").getFileName().toString(),
        "PARSE UNREADABLE_DOCUMENT");
    return expected;
  }

  /**
   * Files cut off (PDFs at three cut points, a DOCX, an ODT) and a PDF without its last page
   * object, each expected {@code INCOMPLETE_DOCUMENT}; the complete files they came from are kept
   * in {@code work/complete} under the same names.
   */
  private static void incompleteFiles(Path dir, Map<String, String> expected) throws IOException {
    Path complete = Files.createDirectories(work.resolve("complete"));
    int pairs = 6;
    for (int percent : new int[] {20, 45, 60}) {
      String name = "afgebroken-" + percent + ".pdf";
      Path whole = HostileFiles.kamerstuk(3, pairs++).write(complete.resolve(name));
      IncompleteFiles.cut(whole, dir.resolve(name), percent);
    }
    HostileFiles.kamerstuk(2, 3)
        .write(complete.resolve(IncompleteFiles.missingLastPage(dir).getFileName().toString()));
    IncompleteFiles.cut(
        IncompleteFiles.docx(complete.resolve("antwoord.docx"), 4),
        dir.resolve("antwoord.docx"),
        80);
    IncompleteFiles.cut(
        IncompleteFiles.odt(complete.resolve("antwoord.odt"), 5), dir.resolve("antwoord.odt"), 80);
    try (Stream<Path> files = Files.list(complete)) {
      files.forEach(
          file -> expected.put(file.getFileName().toString(), "PARSE INCOMPLETE_DOCUMENT"));
    }
  }

  /**
   * The complete files dropped over the incomplete ones, under the same names, are indexed whole;
   * nothing of the cut ones is.
   */
  private static void assertCompleteCopiesReplaceIncompleteOnes() throws IOException {
    Map<String, String> cutIds = new LinkedHashMap<>();
    List<Path> completeFiles;
    try (Stream<Path> files = Files.list(work.resolve("complete"))) {
      completeFiles = files.sorted().toList();
    }
    for (Path file : completeFiles) {
      Path target = settings.inbox().resolve("hostile").resolve(file.getFileName());
      cutIds.put(file.getFileName().toString(), LocalFile.describe(target).sha256());
      Path staged = settings.inbox().resolve(".staged-" + file.getFileName());
      Files.copy(file, staged);
      Files.move(
          staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              for (Path file : completeFiles) {
                assertThat(
                        observer
                            .documentById(LocalFile.describe(file).sha256())
                            .path("source")
                            .path("fileName")
                            .asText())
                    .as(file.getFileName().toString())
                    .isEqualTo(file.getFileName().toString());
              }
            });
    for (Map.Entry<String, String> cut : cutIds.entrySet()) {
      assertThat(observer.documentById(cut.getValue()).isMissingNode())
          .as("the cut " + cut.getKey() + " is not indexed")
          .isTrue();
    }
  }

  private static boolean ocrAvailable() {
    try (FileParser parser = FileParser.create(ParserSettings.defaults())) {
      return parser.ocrAvailable();
    }
  }

  /**
   * Valid Kamerstukken under names made of dots, slashes written as text, unicode, spaces and 255
   * characters.
   */
  private static void namedFiles() throws IOException {
    Path dir = Files.createDirectories(work.resolve("namen"));
    int number = 99_100;
    for (String name : HOSTILE_NAMES) {
      new GeneratedKamerstuk(number++, 1).write(dir.resolve(name));
    }
    new GeneratedKamerstuk(99_200, 1).write(dir.resolve(HIDDEN_NAME));
  }

  /**
   * Copies {@code source} into {@code target} in chunks, one every 300 ms (less than the 1 s settle
   * time).
   */
  private static Path writeSlowly(Path source, Path target) throws IOException {
    byte[] bytes = Files.readAllBytes(source);
    OutputStream out = Files.newOutputStream(target);
    ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
    int chunks = 10;
    int[] written = {0};
    writer.scheduleAtFixedRate(
        () -> {
          try {
            int from = written[0] * bytes.length / chunks;
            int to = ++written[0] * bytes.length / chunks;
            out.write(bytes, from, to - from);
            out.flush();
            if (written[0] == chunks) {
              out.close();
              writer.shutdown();
            }
          } catch (IOException e) {
            writer.shutdown();
          }
        },
        0,
        300,
        TimeUnit.MILLISECONDS);
    await().atMost(Duration.ofSeconds(30)).until(writer::isTerminated);
    return source;
  }

  /** file name -> "parsed" or "STAGE REASON" for each hostile file that has an outcome yet. */
  private static Map<String, String> outcomes(java.util.Set<String> names) throws IOException {
    Map<String, String> found = new LinkedHashMap<>();
    for (DeadLetter letter : observer.allDeadLetters()) {
      String name =
          letter.originalEvent() == null ? "" : letter.originalEvent().path("fileName").asText();
      if (names.contains(name)) {
        found.put(name, letter.stage() + " " + letter.reasonCode());
      }
    }
    java.util.Set<String> parsed = observer.parsedDocumentIds();
    for (String name : names) {
      Path file = settings.inbox().resolve("hostile").resolve(name);
      if (parsed.contains(LocalFile.describe(file).sha256())) {
        found.put(name, "parsed");
      }
    }
    return found;
  }

  /** Corpus files with neither a parsed event nor a dead letter. */
  private static List<String> unaccounted(List<Path> corpus) throws IOException {
    java.util.Set<String> parsed = observer.parsedDocumentIds();
    java.util.Set<String> deadLettered = new java.util.HashSet<>();
    observer.allDeadLetters().forEach(letter -> deadLettered.add(letter.documentId()));
    List<String> missing = new ArrayList<>();
    for (Path file : corpus) {
      String id = LocalFile.describe(file).sha256();
      if (!parsed.contains(id) && !deadLettered.contains(id)) {
        missing.add(file.getFileName().toString());
      }
    }
    return missing;
  }

  private static List<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(TestCorpus.require())) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().matches("(?i)README\\.md|MANIFEST\\.tsv"))
          .sorted()
          .toList();
    }
  }

  private static void writeReport(Map<String, String> expected) throws IOException {
    List<String> report =
        new ArrayList<>(
            List.of(
                "| file | expected | outcome | seconds from announced to"
                    + " dead-lettered (queued behind the corpus) |",
                "|---|---|---|---|"));
    for (DeadLetter letter : observer.allDeadLetters()) {
      JsonNode event = letter.originalEvent();
      String name = event == null ? "" : event.path("fileName").asText();
      if (expected.containsKey(name)) {
        double seconds =
            Duration.between(
                        java.time.Instant.parse(event.path("receivedAt").asText()),
                        letter.failedAt())
                    .toMillis()
                / 1000.0;
        report.add(
            "| "
                + name
                + " | "
                + expected.get(name)
                + " | "
                + letter.stage()
                + " "
                + letter.reasonCode()
                + " ("
                + letter.attempts()
                + " attempt(s)) | "
                + seconds
                + " |");
      }
    }
    report.add("");
    report.add(
        "| service | JVMs | collections | most heap in use before a GC (MB) | most heap in use after a GC (MB) |"
            + " heap limit |");
    report.add("|---|---|---|---|---|---|");
    for (String service :
        List.of(
            PipelineSettings.INGEST,
            PipelineSettings.PARSE,
            PipelineSettings.ASSEMBLE,
            PipelineSettings.INDEX)) {
      GcLogs gc = GcLogs.of(settings.logDir(), service);
      report.add(
          "| "
              + service
              + " | "
              + gc.jvms()
              + " | "
              + gc.collections()
              + " | "
              + gc.maxBeforeMb()
              + " | "
              + gc.maxAfterMb()
              + " | 256m |");
      assertThat(gc.jvms()).as(service + " ran in one JVM (never restarted)").isEqualTo(1);
      assertThat(gc.maxAfterMb()).as(service + " heap after GC").isLessThan(256);
    }
    Files.write(Path.of("target", "hostile-inbox.md"), report);
    report.forEach(System.out::println);
  }

  /** The command's arguments followed by where this test's pipeline is. */
  private static String[] withPipeline(String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(TestPipelines.cliConnection(settings));
    args.addAll(List.of("--blob-dir", settings.dataDir().resolve("blobs").toString()));
    if (command[0].equals("status")) {
      args.addAll(List.of("--http-ports", TestPipelines.statusPorts(settings)));
    }
    return args.toArray(String[]::new);
  }
}
