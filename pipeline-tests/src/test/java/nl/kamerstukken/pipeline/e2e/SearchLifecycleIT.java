package nl.kamerstukken.pipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.kamerstukken.cli.KamerstukkenCli;
import nl.kamerstukken.cli.parse.LocalFile;
import nl.kamerstukken.cli.up.Pipeline;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.localstack.junit.TestCorpus;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.Topics;
import nl.kamerstukken.pipeline.PipelineDiagnosis;
import nl.kamerstukken.pipeline.TestPipelines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The life of a Kamerstuk in search, on the whole pipeline as users run it (the services as child
 * JVMs, the real local stack): a file replaced by a new version leaves no stale questions, a
 * deleted file leaves both aliases and its tombstone reaches subscribers, and the search, reindex
 * and reparse commands work on what the pipeline indexed.
 */
@ExtendWith(LocalStackExtension.class)
class SearchLifecycleIT {

  private static final Duration PATIENCE = Duration.ofSeconds(180);
  private static final String COMMITTEE_TEXT = "kst-26643-1522";
  private static final String AANHANGSEL = "00fe7edd-24c8-4857-98da-774ed3b06836";
  private static final String SHARED_ANSWER = "1b650dd7-71d6-4b8f-8625-36c000046742";

  @TempDir static Path work;
  static Pipeline pipeline;
  static PipelineSettings settings;
  static SearchProbe elasticsearch;
  static PipelineDiagnosis diagnosis;
  static String elasticsearchUrl;

  @BeforeAll
  static void startThePipeline(LocalStack stack) throws Exception {
    settings =
        TestPipelines.settings(
            stack.kafkaBootstrapServers(),
            stack.elasticsearchUrl(),
            work,
            TestPipelines.namespace("life"),
            work.resolve("logs"));
    elasticsearchUrl = stack.elasticsearchUrl();
    elasticsearch = new SearchProbe(elasticsearchUrl);
    diagnosis = new PipelineDiagnosis(settings);
    pipeline = Pipeline.start(settings);
  }

  @AfterAll
  static void stopThePipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void aNewVersionOfTheSameKamerstukLeavesNoStaleQuestions() throws IOException {
    Path corpus = TestCorpus.require();
    Path full = corpus.resolve(COMMITTEE_TEXT + ".txt");
    // Given the Kamerstuk with its 9 questions is indexed
    drop(full, COMMITTEE_TEXT + ".txt");
    String first = LocalFile.describe(full).sha256();
    diagnosis.within(
        PATIENCE,
        () ->
            assertThat(elasticsearch.count(qaAlias(), term("identifier", COMMITTEE_TEXT)))
                .isEqualTo(9));

    // When the file is replaced by a new version of the same Kamerstuk with only its first 4
    // questions
    List<String> lines = Files.readAllLines(full);
    Path shorter = Files.write(work.resolve("shorter.txt"), lines.subList(0, lines.indexOf("5")));
    String second = LocalFile.describe(shorter).sha256();
    drop(shorter, COMMITTEE_TEXT + ".txt");

    // Then only the new version is found: 4 questions, none of the old content left in either alias
    diagnosis.within(
        PATIENCE,
        () -> {
          assertThat(elasticsearch.count(qaAlias(), term("identifier", COMMITTEE_TEXT)))
              .isEqualTo(4);
          assertThat(elasticsearch.count(qaAlias(), term("documentId", second))).isEqualTo(4);
          assertThat(elasticsearch.count(qaAlias(), term("documentId", first))).isZero();
          assertThat(elasticsearch.count(documentsAlias(), term("documentId", first))).isZero();
          assertThat(elasticsearch.count(documentsAlias(), term("identifier", COMMITTEE_TEXT)))
              .isEqualTo(1);
        });
    JsonNode stored =
        elasticsearch.search(
            documentsAlias(), "{\"query\":" + term("identifier", COMMITTEE_TEXT) + "}");
    assertThat(stored.at("/hits/hits/0/_source/qaCount").asInt()).isEqualTo(4);
    assertThat(stored.at("/hits/hits/0/_source/documentId").asText()).isEqualTo(second);
  }

  @Test
  void aDeletedFileDisappearsFromBothAliasesAndSubscribersGetItsTombstone() throws IOException {
    Path corpus = TestCorpus.require();
    Path pdf = corpus.resolve(AANHANGSEL + ".pdf");
    String id = LocalFile.describe(pdf).sha256();
    // Given an Aanhangsel that is indexed with its questions
    drop(pdf, AANHANGSEL + ".pdf");
    diagnosis.within(
        PATIENCE,
        () -> {
          assertThat(elasticsearch.count(documentsAlias(), term("documentId", id))).isEqualTo(1);
          assertThat(elasticsearch.count(qaAlias(), term("documentId", id))).isPositive();
        });

    // When the file is deleted from the watched folder
    Files.delete(settings.inbox().resolve(AANHANGSEL + ".pdf"));

    // Then the document and its questions are gone from both aliases
    diagnosis.within(
        PATIENCE,
        () -> {
          assertThat(elasticsearch.count(documentsAlias(), term("documentId", id))).isZero();
          assertThat(elasticsearch.count(qaAlias(), term("documentId", id))).isZero();
        });
    // And a subscriber of the parsed topic learns of it: the last event of the document is a
    // tombstone
    var events =
        TopicReader.readAll(kafka(), Topics.PARSED.withPrefix(settings.topicPrefix())).stream()
            .filter(r -> id.equals(r.key()))
            .toList();
    assertThat(events).isNotEmpty();
    assertThat(events.get(events.size() - 1).value()).isNull();
  }

  @Test
  void theSearchCommandPrintsTheBestQuestionWithTheWordsMarked() throws IOException {
    Path corpus = TestCorpus.require();
    drop(corpus.resolve(SHARED_ANSWER + ".pdf"), SHARED_ANSWER + ".pdf");
    JsonNode truth =
        Json.mapper().readTree(corpus.resolve("truth").resolve(SHARED_ANSWER + ".json").toFile());
    String identifier = truth.get("identifier").asText();
    String[] start = truth.at("/questions/0/start").asText().split(" ");
    String phrase = String.join(" ", Arrays.copyOfRange(start, 0, 5));
    diagnosis.within(
        PATIENCE,
        () ->
            assertThat(elasticsearch.count(qaAlias(), term("identifier", identifier)))
                .isPositive());

    // When a person searches for the start of the first question, as a phrase
    String[] output =
        cli(
            "search",
            "\"" + phrase + "\"",
            "--no-color",
            "--elasticsearch-url",
            elasticsearchUrl,
            "--alias-prefix",
            settings.aliasPrefix());

    // Then the first hit is that question of that Kamerstuk, with its date and the words marked
    assertThat(output[1]).as("stderr").isEmpty();
    assertThat(output[0]).contains("1. " + identifier + "  2024-04-11  question 1");
    assertThat(output[0].toLowerCase()).contains("**" + start[0].toLowerCase());

    // And the filters narrow: no question of that phrase was put by the PVV
    String[] none =
        cli(
            "search",
            "\"" + phrase + "\"",
            "--party",
            "PVV",
            "--json",
            "--elasticsearch-url",
            elasticsearchUrl,
            "--alias-prefix",
            settings.aliasPrefix());
    assertThat(Json.mapper().readTree(none[0]).get("total").asLong()).isZero();
  }

  @Test
  void reindexRebuildsFromTheParsedTopicAndReparseParsesEveryFileAgain() throws Exception {
    Path corpus = TestCorpus.require();
    Path pdf = corpus.resolve(SHARED_ANSWER + ".pdf");
    String id = LocalFile.describe(pdf).sha256();
    drop(pdf, "reindex-" + SHARED_ANSWER + ".pdf");
    diagnosis.within(
        PATIENCE,
        () -> {
          assertThat(elasticsearch.count(qaAlias(), term("documentId", id))).isPositive();
          assertThat(elasticsearch.count(documentsAlias(), term("documentId", id))).isEqualTo(1);
        });
    long documents = elasticsearch.countAll(documentsAlias());
    long qa = elasticsearch.countAll(qaAlias());
    long qaOfDocument = elasticsearch.count(qaAlias(), term("documentId", id));
    Instant parsedAt = parsedAt(id);

    // When the index is rebuilt from the parsed topic while the pipeline runs
    String[] reindex =
        cli(
            "reindex",
            "--elasticsearch-url",
            elasticsearchUrl,
            "--kafka",
            kafka(),
            "--alias-prefix",
            settings.aliasPrefix(),
            "--topic-prefix",
            settings.topicPrefix());

    // Then the aliases point at a new version holding the same documents
    assertThat(reindex[0])
        .contains("aliases switched to", settings.aliasPrefix() + "kamerstukken-qa-v");
    JsonNode aliases = elasticsearch.search(qaAlias(), "{\"size\":1,\"query\":{\"match_all\":{}}}");
    assertThat(aliases.at("/hits/hits/0/_index").asText()).doesNotEndWith("-v1");
    assertThat(elasticsearch.countAll(documentsAlias())).isEqualTo(documents);
    assertThat(elasticsearch.countAll(qaAlias())).isEqualTo(qa);

    // When every stored file is parsed again
    String[] reparse =
        cli(
            "reparse",
            "--kafka",
            kafka(),
            "--topic-prefix",
            settings.topicPrefix(),
            "--blob-dir",
            settings.dataDir().resolve("blobs").toString());

    // Then parse-service parses it again and index-service replaces it in place: newer, not doubled
    assertThat(reparse[0]).contains("announced again").doesNotContain("untrusted event");
    diagnosis.within(PATIENCE, () -> assertThat(parsedAt(id)).isAfter(parsedAt));
    assertThat(elasticsearch.count(qaAlias(), term("documentId", id))).isEqualTo(qaOfDocument);
    diagnosis.within(PATIENCE, () -> assertThat(elasticsearch.countAll(qaAlias())).isEqualTo(qa));
  }

  private static Instant parsedAt(String documentId) {
    JsonNode hits =
        elasticsearch.search(
            documentsAlias(), "{\"query\":" + term("documentId", documentId) + "}");
    return Instant.parse(hits.at("/hits/hits/0/_source/parsedAt").asText());
  }

  /** Runs the launcher in this JVM; returns stdout and stderr. */
  private static String[] cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new KamerstukkenCli())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    assertThat(code).as("exit code of %s; stderr: %s", args[0], err).isZero();
    return new String[] {out.toString(), err.toString()};
  }

  private static String kafka() {
    return settings.kafkaBootstrap();
  }

  private static void drop(Path source, String name) throws IOException {
    Path staged = Files.copy(source, work.resolve("staged-" + UUID.randomUUID()));
    Files.move(
        staged,
        settings.inbox().resolve(name),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static String term(String field, String value) {
    return "{\"term\":{\"" + field + "\":\"" + value + "\"}}";
  }

  private static String documentsAlias() {
    return settings.aliasPrefix() + "kamerstukken-documents";
  }

  private static String qaAlias() {
    return settings.aliasPrefix() + "kamerstukken-qa";
  }
}
