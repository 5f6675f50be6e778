package nl.kamerstukken.pipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.kamerstukken.cli.parse.LocalFile;
import nl.kamerstukken.cli.up.Pipeline;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.localstack.junit.TestCorpus;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.pipeline.CliRun;
import nl.kamerstukken.pipeline.TestPipelines;
import nl.kamerstukken.pipeline.assemble.BuiltCaseDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users follow, through the whole pipeline (the four services as child JVMs on the real local
 * stack): one Kamerstuk from many files, publisher metadata beside a PDF, and a Kamervraag case
 * from question through postponement to answer. The question document and the postponement notice
 * are BUILT from the real Aanhangsel's own text ({@link BuiltCaseDocument}); the answer is the real
 * ah-tk-20202021-3235.pdf. The scenarios share one pipeline and run in order.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KamerstukkenAndCasesIT {

  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String AANHANGSEL = "ah-tk-20202021-3235";
  private static final String QUESTION = "kv-tk-2021Z09739";
  private static final String MEDEDELING = "ah-tk-20202021-3100";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path work;
  static Pipeline pipeline;
  static PipelineSettings settings;
  static SearchProbe elasticsearch;
  static Path corpus;
  static int expectedQa;

  @BeforeAll
  static void startThePipeline(LocalStack stack) throws Exception {
    corpus = TestCorpus.require();
    expectedQa = ExpectedQa.count(corpus.resolve("truth").resolve(AANHANGSEL + ".json"));
    settings =
        TestPipelines.settings(
            stack.kafkaBootstrapServers(),
            stack.elasticsearchUrl(),
            work,
            TestPipelines.namespace("assemble"),
            work.resolve("logs"));
    elasticsearch = new SearchProbe(stack.elasticsearchUrl());
    pipeline = Pipeline.start(settings);
  }

  @AfterAll
  static void stopThePipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  @Order(1)
  void filesWithOneIdentifierDeletedRepresentativeFirstKeepTheKamerstukUntilTheLastIsGone()
      throws Exception {
    // Given three files with the same identifier (the same Aanhangsel, a byte appended to each
    // next one), dropped one after the other
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path file = variant(corpus.resolve(AANHANGSEL + ".pdf"), i, "kopie-" + i + ".pdf");
      files.add(file);
      drop(file);
      int listed = i + 1;
      await()
          .atMost(PATIENCE)
          .untilAsserted(() -> assertThat(document(AANHANGSEL).path("files")).hasSize(listed));
    }
    // Then it is one Kamerstuk, represented by the newest file, with all its Q&A
    assertSearchable(id(files.get(2)), 3);

    // When the representative is deleted first, then the next
    for (int i = 2; i > 0; i--) {
      delete(files.get(i));
      String next = id(files.get(i - 1));
      int left = i;
      await().atMost(PATIENCE).untilAsserted(() -> assertSearchable(next, left));
      // Then it stays searchable with all its questions and answers
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertSearchable(next, left));
    }
    // When the last file goes, the Kamerstuk leaves search
    delete(files.get(0));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(count(documentsAlias(), identifier(AANHANGSEL))).isZero();
              assertThat(count(qaAlias(), identifier(AANHANGSEL))).isZero();
            });
  }

  @Test
  @Order(2)
  void aPdfAndItsMetadataRecordInBothOrdersMakeOneKamerstukWithTheZaakNumber() throws Exception {
    for (boolean recordFirst : new boolean[] {true, false}) {
      int n = recordFirst ? 10 : 20;
      Path pdf = variant(corpus.resolve(AANHANGSEL + ".pdf"), n, AANHANGSEL + ".pdf");
      Path record =
          variant(corpus.resolve(AANHANGSEL + ".metadata.xml"), n, AANHANGSEL + ".metadata.xml");
      drop(recordFirst ? record : pdf);
      if (recordFirst) {
        // A record alone is no Kamerstuk
        await()
            .during(Duration.ofSeconds(5))
            .atMost(Duration.ofSeconds(15))
            .untilAsserted(
                () -> assertThat(count(documentsAlias(), identifier(AANHANGSEL))).isZero());
      } else {
        await()
            .atMost(PATIENCE)
            .untilAsserted(() -> assertThat(document(AANHANGSEL).path("files")).hasSize(1));
      }
      drop(recordFirst ? pdf : record);

      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () -> {
                JsonNode doc = document(AANHANGSEL);
                assertThat(doc.path("zaakNumbers").toString()).contains("2021Z09739");
                assertThat(doc.path("files")).hasSize(2);
                assertThat(doc.path("files").path(1).path("role").asText())
                    .isEqualTo("publisher-metadata");
              });
      assertThat(count(documentsAlias(), identifier(AANHANGSEL))).isEqualTo(1);
      assertThat(count(documentsAlias(), "{\"term\":{\"documentId\":\"" + id(record) + "\"}}"))
          .as("no search document for the metadata file")
          .isZero();
      // The Q&A documents are written before their Kamerstuk's, into another index that refreshes
      // on its own clock: wait until search sees them too
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(count(qaAlias(), identifier(AANHANGSEL)))
                      .as(
                          () ->
                              "Kamerstuk "
                                  + document(AANHANGSEL).path("qaCount")
                                  + " Q&A, the Q&A index: "
                                  + elasticsearch.search(
                                      qaAlias(),
                                      "{\"size\":20,\"_source\":[\"identifier\",\"documentId\",\"position\"]}"))
                      .isEqualTo(expectedQa));

      delete(pdf);
      delete(record);
      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () -> assertThat(count(documentsAlias(), identifier(AANHANGSEL))).isZero());
    }
  }

  @Test
  @Order(3)
  void questionMededelingAndAnswerInAllSixOrdersMakeOneCaseWithTheRightStatusAtEachStep()
      throws Exception {
    Path built = Files.createDirectories(work.resolve("built"));
    Path questionBase = BuiltCaseDocument.question(built.resolve(QUESTION + ".pdf"));
    Path mededelingBase = BuiltCaseDocument.postponement(built.resolve(MEDEDELING + ".pdf"));
    Path answerBase = corpus.resolve(AANHANGSEL + ".pdf");
    int round = 30;
    for (List<String> order : sixOrders()) {
      round++;
      Map<String, Path> files = new LinkedHashMap<>();
      files.put(QUESTION, variant(questionBase, round, QUESTION + ".pdf"));
      files.put(MEDEDELING, variant(mededelingBase, round, MEDEDELING + ".pdf"));
      files.put(AANHANGSEL, variant(answerBase, round, AANHANGSEL + ".pdf"));
      List<String> present = new ArrayList<>();
      for (String identifier : order) {
        drop(files.get(identifier));
        present.add(identifier);
        String expected =
            present.contains(AANHANGSEL)
                ? "answered"
                : present.contains(MEDEDELING) ? "postponed" : "open";
        int documents = present.size();
        await()
            .atMost(PATIENCE)
            .untilAsserted(
                () -> {
                  JsonNode hits = cases();
                  assertThat(hits.path("total").path("value").asInt())
                      .as("cases after %s", order)
                      .isEqualTo(1);
                  JsonNode theCase = hits.path("hits").path(0).path("_source");
                  assertThat(theCase.path("status").asText()).isEqualTo(expected);
                  assertThat(theCase.path("documents")).hasSize(documents);
                });
      }
      JsonNode complete = cases().path("hits").path(0).path("_source");
      assertThat(complete.path("caseKey").asText()).isEqualTo("2021Z09739");
      assertThat(complete.path("submittedDate").asText()).isEqualTo("2021-06-03");
      assertThat(complete.path("dueDate").asText()).isEqualTo("2021-06-24");
      assertThat(complete.path("answeredDate").asText()).isEqualTo("2021-06-21");
      assertThat(complete.path("daysToAnswer").asInt()).isEqualTo(18);
      assertThat(complete.path("postponements").path(0).path("identifier").asText())
          .isEqualTo(MEDEDELING);
      if (round == 31) {
        usersSeeTheCase();
      }

      // When the answer is removed the case is postponed again
      delete(files.get(AANHANGSEL));
      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () -> {
                JsonNode hits = cases();
                assertThat(hits.path("total").path("value").asInt()).isEqualTo(1);
                assertThat(hits.path("hits").path(0).path("_source").path("status").asText())
                    .isEqualTo("postponed");
              });
      delete(files.get(QUESTION));
      delete(files.get(MEDEDELING));
      await()
          .atMost(PATIENCE)
          .untilAsserted(() -> assertThat(cases().path("total").path("value").asInt()).isZero());
    }
  }

  /** The API, the search page's data and the CLI show the answered case. */
  private static void usersSeeTheCase() throws Exception {
    int port = settings.httpPorts().get(PipelineSettings.INDEX);
    JsonNode answered = get(port, "/api/kamervragen?status=answered&ministry=Sociale%20Zaken");
    assertThat(answered.path("cases").findValuesAsText("caseKey")).contains("2021Z09739");
    JsonNode search = get(port, "/api/search?q=TOZO");
    assertThat(search.path("kamervragen").path(AANHANGSEL).path("caseKey").asText())
        .isEqualTo("2021Z09739");
    CliRun stats =
        CliRun.of(
            "stats",
            "--elasticsearch-url",
            settings.elasticsearchUrl(),
            "--alias-prefix",
            settings.aliasPrefix());
    System.out.println(stats.output());
    assertThat(stats.exitCode()).isZero();
    assertThat(stats.output()).contains("Sociale Zaken en Werkgelegenheid");
    // And a reindex rebuilds the cases' alias too, from the Kamervragen topic
    CliRun reindex =
        CliRun.of(
            "reindex",
            "--kafka",
            settings.kafkaBootstrap(),
            "--topic-prefix",
            settings.topicPrefix(),
            "--elasticsearch-url",
            settings.elasticsearchUrl(),
            "--alias-prefix",
            settings.aliasPrefix());
    assertThat(reindex.exitCode()).as(reindex.output()).isZero();
    assertThat(cases().path("total").path("value").asInt()).isEqualTo(1);
    assertThat(
            elasticsearch
                .search(settings.aliasPrefix() + "kamerstukken-kamervragen", "{\"size\":0}")
                .path("hits")
                .path("total")
                .path("value")
                .asInt())
        .isEqualTo(1);
  }

  private static List<List<String>> sixOrders() {
    List<String> all = List.of(QUESTION, MEDEDELING, AANHANGSEL);
    List<List<String>> orders = new ArrayList<>();
    for (String a : all) {
      for (String b : all) {
        for (String c : all) {
          if (!a.equals(b) && !b.equals(c) && !a.equals(c)) {
            orders.add(List.of(a, b, c));
          }
        }
      }
    }
    return orders;
  }

  private static void assertSearchable(String representative, int files) {
    JsonNode doc = document(AANHANGSEL);
    assertThat(doc.path("documentId").asText()).isEqualTo(representative);
    assertThat(doc.path("files")).hasSize(files);
    assertThat(count(documentsAlias(), identifier(AANHANGSEL))).isEqualTo(1);
    assertThat(count(qaAlias(), identifier(AANHANGSEL))).isEqualTo(expectedQa);
  }

  private static JsonNode cases() {
    return elasticsearch
        .search(
            settings.aliasPrefix() + "kamerstukken-kamervragen",
            "{\"query\":{\"terms\":{\"documents.identifier\":[\""
                + String.join("\",\"", QUESTION, MEDEDELING, AANHANGSEL)
                + "\"]}}}")
        .path("hits");
  }

  private static JsonNode document(String identifier) {
    return elasticsearch
        .search(documentsAlias(), "{\"query\":" + identifier(identifier) + "}")
        .path("hits")
        .path("hits")
        .path(0)
        .path("_source");
  }

  private static long count(String alias, String query) {
    return elasticsearch.count(alias, query);
  }

  private static String identifier(String identifier) {
    return "{\"term\":{\"identifier\":\"" + identifier + "\"}}";
  }

  private static String documentsAlias() {
    return settings.aliasPrefix() + "kamerstukken-documents";
  }

  private static String qaAlias() {
    return settings.aliasPrefix() + "kamerstukken-qa";
  }

  /** The file's bytes with {@code extra} spaces appended (other content, same document). */
  private static Path variant(Path source, int extra, String name) throws IOException {
    Path dir = Files.createDirectories(work.resolve("variants").resolve(String.valueOf(extra)));
    Path file = dir.resolve(name);
    byte[] bytes = Files.readAllBytes(source);
    byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + extra);
    java.util.Arrays.fill(padded, bytes.length, padded.length, (byte) ' ');
    Files.write(file, padded);
    return file;
  }

  private static void drop(Path file) throws IOException {
    Path staged = Files.copy(file, work.resolve("staged-" + UUID.randomUUID()));
    Files.move(
        staged,
        settings.inbox().resolve(file.getFileName().toString()),
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static void delete(Path file) throws IOException {
    Files.delete(settings.inbox().resolve(file.getFileName().toString()));
  }

  private static String id(Path file) throws IOException {
    return LocalFile.describe(file).sha256();
  }

  private static JsonNode get(int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }
}
