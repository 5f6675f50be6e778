package nl.kamerstukken.pipeline.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.kamerstukken.localstack.junit.TestCorpus;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.Kamervraag;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.api.FileParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real corpus through the real parser and assemble-service's topology (no broker): every
 * Aanhangsel with answers gives one answered case whose dates agree with its truth file; a
 * publisher metadata record dropped beside a PDF enriches it as the offline {@code parse} does; the
 * built question document and postponement notice read as such.
 */
class CorpusCasesTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static FileParser parser;

  @BeforeAll
  static void startTheParser() {
    parser = FileParser.create(ParserSettings.defaults());
  }

  @AfterAll
  static void closeTheParser() {
    parser.close();
  }

  @Test
  void everyAanhangselWithAnswersGivesAnAnsweredCaseThatAgreesWithItsTruth() throws IOException {
    Path corpus = TestCorpus.require();
    List<Path> truths = aanhangselTruths(corpus);
    assertThat(truths).as("Aanhangsels with answers in the corpus").hasSizeGreaterThanOrEqualTo(10);
    List<String> checked = new ArrayList<>();
    for (Path truthFile : truths) {
      JsonNode truth = Json.mapper().readTree(truthFile.toFile());
      Path pdf = corpus.resolve(truth.path("file").asText());
      try (Assembly assembly = new Assembly(NOW)) {
        assembly.drop(parse(pdf));

        Map<String, Kamervraag> cases = assembly.cases();
        assertThat(cases).as(pdf.getFileName().toString()).hasSize(1);
        Kamervraag theCase = cases.values().iterator().next();
        LocalDate submitted =
            LocalDate.parse(truth.path("metadata").path("submittedDate").asText());
        LocalDate received = LocalDate.parse(truth.path("metadata").path("receivedDate").asText());
        assertThat(theCase.status()).as(pdf.toString()).isEqualTo(Kamervraag.Status.ANSWERED);
        assertThat(theCase.submittedDate()).as(pdf.toString()).isEqualTo(submitted);
        assertThat(theCase.dueDate()).as(pdf.toString()).isEqualTo(submitted.plusDays(21));
        assertThat(theCase.answeredDate()).as(pdf.toString()).isEqualTo(received);
        assertThat(theCase.daysToAnswer())
            .as(pdf.toString())
            .isEqualTo((int) ChronoUnit.DAYS.between(submitted, received));
        assertThat(theCase.documents())
            .extracting(Kamervraag.CaseDocument::identifier)
            .containsExactly(truth.path("identifier").asText());
        checked.add(truth.path("identifier").asText() + " " + theCase.daysToAnswer() + " days");
      }
    }
    System.out.println("answered cases checked against their truth: " + checked);
  }

  @Test
  void aMetadataRecordBesideAPdfEnrichesItAsTheOfflineParseDoes() throws IOException {
    Path corpus = TestCorpus.require();
    String name = "ah-tk-20202021-3235";
    // Offline: the PDF read where its siblings (.metadata.xml, .xml, ...) lie beside it
    DocumentMetadata offline = parse(corpus.resolve(name + ".pdf")).metadata();
    // Pipeline: the PDF alone (as in the blob store), the record and the publisher XML as files
    Path alone = Files.createTempDirectory("alone");
    Files.copy(corpus.resolve(name + ".pdf"), alone.resolve("blob"));
    DocumentParsed pdf = parse(alone.resolve("blob"), name + ".pdf");
    DocumentParsed record = parse(corpus.resolve(name + ".metadata.xml"));
    DocumentParsed xml = parse(corpus.resolve(name + ".xml"));
    assertThat(pdf.metadata().zaakNumbers()).as("the PDF alone prints no Zaak number").isEmpty();
    assertThat(record.kind()).isEqualTo(nl.kamerstukken.model.FileKind.PUBLISHER_METADATA);

    try (Assembly assembly = new Assembly(NOW)) {
      assembly.drop(record);
      assembly.drop(pdf);
      assembly.drop(xml);

      Kamerstuk kamerstuk = assembly.kamerstukken().get(name);
      assertThat(assembly.kamerstukken()).containsOnlyKeys(name);
      DocumentMetadata merged = kamerstuk.metadata();
      assertThat(merged.zaakNumbers()).containsExactlyElementsOf(offline.zaakNumbers());
      assertThat(merged.identifier()).isEqualTo(offline.identifier());
      assertThat(merged.documentType()).isEqualTo(offline.documentType());
      assertThat(merged.parliamentaryYear()).isEqualTo(offline.parliamentaryYear());
      assertThat(merged.documentNumber()).isEqualTo(offline.documentNumber());
      assertThat(merged.date()).isEqualTo(offline.date());
      assertThat(merged.submittedDate()).isEqualTo(offline.submittedDate());
      assertThat(merged.receivedDate()).isEqualTo(offline.receivedDate());
      assertThat(merged.askedBy()).isEqualTo(offline.askedBy());
      assertThat(merged.parties()).isEqualTo(offline.parties());
      assertThat(merged.answeredBy()).isEqualTo(offline.answeredBy());
      assertThat(merged.title()).isEqualTo(offline.title());
    }
  }

  @Test
  void aPdfAfterItsMetadataRecordMakesOneKamerstukWithAllItsQuestionsAndAnswers()
      throws IOException {
    Path corpus = TestCorpus.require();
    String name = "ah-tk-20202021-3235";
    Path alone = Files.createTempDirectory("alone");
    Files.copy(corpus.resolve(name + ".pdf"), alone.resolve("blob"));
    DocumentParsed pdf = parse(alone.resolve("blob"), name + ".pdf");
    DocumentParsed record = parse(corpus.resolve(name + ".metadata.xml"));

    try (Assembly assembly = new Assembly(NOW)) {
      assembly.drop(record);
      assembly.drop(pdf);

      Kamerstuk kamerstuk = assembly.kamerstukken().get(name);
      assertThat(kamerstuk.questions()).hasSameSizeAs(pdf.questions()).isNotEmpty();
      assertThat(kamerstuk.answers()).hasSameSizeAs(pdf.answers());
    }
  }

  @Test
  void theBuiltQuestionDocumentAndPostponementReadAsSuch() throws IOException {
    Path dir = Files.createTempDirectory("built");
    DocumentMetadata question =
        parse(BuiltCaseDocument.question(dir.resolve("kv-tk-2021Z09739.pdf"))).metadata();
    DocumentMetadata postponement =
        parse(BuiltCaseDocument.postponement(dir.resolve("ah-tk-20202021-3100.pdf"))).metadata();

    assertThat(question.documentType()).isEqualTo("kamervragen");
    assertThat(question.identifier()).isEqualTo("kv-tk-2021Z09739");
    assertThat(question.zaakNumbers()).containsExactly("2021Z09739");
    assertThat(question.submittedDate()).isEqualTo(LocalDate.of(2021, 6, 3));
    assertThat(question.askedBy()).containsExactly("Van Weyenberg", "Romke de Jong", "Kat");
    assertThat(postponement.documentType()).isEqualTo("mededeling");
    assertThat(postponement.identifier()).isEqualTo("ah-tk-20202021-3100");
    assertThat(postponement.receivedDate()).isEqualTo(LocalDate.of(2021, 6, 14));
    assertThat(postponement.title()).isEqualTo(question.title());
  }

  /** Truth files of Aanhangsels that have answers (the Mededeling ah-tk-20232024-1999 has none). */
  private static List<Path> aanhangselTruths(Path corpus) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus.resolve("truth"))) {
      for (Path file : files.sorted().toList()) {
        JsonNode truth = Json.mapper().readTree(file.toFile());
        if ("aanhangsel-antwoord".equals(truth.path("docType").asText())
            && !truth.path("answers").isEmpty()
            && truth.path("file").asText().endsWith(".pdf")) {
          found.add(file);
        }
      }
    }
    return found;
  }

  private static DocumentParsed parse(Path file) {
    return parse(file, file.getFileName().toString());
  }

  private static DocumentParsed parse(Path file, String name) {
    ParseOutcome outcome = parser.parse(file, new SourceFile(name, null, null, 0, name, null), NOW);
    assertThat(outcome).as(name).isInstanceOf(ParseOutcome.Parsed.class);
    return ((ParseOutcome.Parsed) outcome).document();
  }
}
