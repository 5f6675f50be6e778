package nl.kamerstukken.pipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import nl.kamerstukken.cli.parse.LocalFile;
import nl.kamerstukken.cli.up.Pipeline;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.localstack.junit.TestCorpus;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topic;
import nl.kamerstukken.model.Topics;
import nl.kamerstukken.pipeline.TestPipelines;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline as users run it: the three services as child JVMs from their jars, on the real
 * local stack; files dropped in a folder; questions and answers found by querying Elasticsearch
 * through the aliases.
 */
@ExtendWith(LocalStackExtension.class)
class FolderToSearchIT {

  private static final Duration PATIENCE = Duration.ofSeconds(180);
  private static final String COMMITTEE = "kst-26643-1522";
  private static final String AANHANGSEL_GROUPED = "00fe7edd-24c8-4857-98da-774ed3b06836";
  private static final String AANHANGSEL_SHARED_ANSWER = "1b650dd7-71d6-4b8f-8625-36c000046742";
  private static final String MEDEDELING = "01bf9f06-42d0-48a6-a85f-12c9c8e14c57";

  @TempDir static Path work;
  static Pipeline pipeline;
  static PipelineSettings settings;
  static SearchProbe elasticsearch;
  static String kafka;

  @BeforeAll
  static void startThePipeline(LocalStack stack) throws Exception {
    settings =
        TestPipelines.settings(
            stack.kafkaBootstrapServers(),
            stack.elasticsearchUrl(),
            work,
            TestPipelines.namespace("it"),
            work.resolve("logs"));
    kafka = stack.kafkaBootstrapServers();
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
  void droppedKamerstukkenBecomeOneSearchHitPerQuestionAndADuplicateChangesNothing()
      throws IOException {
    Path corpus = TestCorpus.require();
    List<String> names = List.of(COMMITTEE, AANHANGSEL_GROUPED, AANHANGSEL_SHARED_ANSWER);
    List<String> ids = new ArrayList<>();
    int expectedQa = 0;
    for (String name : names) {
      Path pdf = corpus.resolve(name + ".pdf");
      ids.add(LocalFile.describe(pdf).sha256());
      expectedQa += ExpectedQa.count(corpus.resolve("truth").resolve(name + ".json"));
    }

    // When the three files are dropped into the watched folder
    for (String name : names) {
      drop(corpus.resolve(name + ".pdf"), name + ".pdf");
    }

    // Then each is one document, and each question is one Q&A hit carrying its document's metadata
    int qaTotal = expectedQa;
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(elasticsearch.count(documentsAlias(), idsQuery(ids))).isEqualTo(3);
              assertThat(elasticsearch.count(qaAlias(), idsQuery(ids))).isEqualTo(qaTotal);
            });
    assertThat(
            elasticsearch.count(
                qaAlias(),
                "{\"bool\":{\"filter\":[{\"term\":{\"identifier\":\"kst-26643-1522\"}},"
                    + "{\"term\":{\"dossierNumber\":\"26643\"}}]}}"))
        .isEqualTo(ExpectedQa.count(corpus.resolve("truth").resolve(COMMITTEE + ".json")));

    // When the same content is dropped again under another name
    drop(corpus.resolve(COMMITTEE + ".pdf"), "kopie van " + COMMITTEE + ".pdf");

    // Then it is announced once: nothing new appears, nothing is doubled
    await()
        .during(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(elasticsearch.count(documentsAlias(), idsQuery(ids))).isEqualTo(3);
              assertThat(elasticsearch.count(qaAlias(), idsQuery(ids))).isEqualTo(qaTotal);
            });
    assertThat(receivedEventsFor(ids.get(0))).isEqualTo(1);
  }

  @Test
  void randomBytesNamedPdfAreDeadLetteredWithAReasonAndThePipelineGoesOn() throws IOException {
    Path corpus = TestCorpus.require();
    byte[] garbage = new byte[8192];
    new Random(42).nextBytes(garbage);
    Path junk = Files.write(work.resolve("kapot.pdf"), garbage);
    String junkId = LocalFile.describe(junk).sha256();

    // When random bytes named .pdf are dropped, followed by a real Kamerstuk
    drop(junk, "kapot.pdf");
    drop(corpus.resolve(MEDEDELING + ".pdf"), MEDEDELING + ".pdf");

    // Then the junk becomes a dead letter that says why
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(deadLetters())
                    .anySatisfy(
                        letter -> {
                          assertThat(letter.documentId()).isEqualTo(junkId);
                          assertThat(letter.stage()).isEqualTo(Stage.PARSE);
                          assertThat(letter.reasonCode()).isNotNull();
                          assertThat(letter.message()).contains("kapot.pdf");
                          assertThat(letter.originalEvent().path("fileName").asText())
                              .isEqualTo("kapot.pdf");
                        }));
    // And the real document after it is searchable, with its questions (answered by a Mededeling)
    String mededelingId = LocalFile.describe(corpus.resolve(MEDEDELING + ".pdf")).sha256();
    int expectedQa = ExpectedQa.count(corpus.resolve("truth").resolve(MEDEDELING + ".json"));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(elasticsearch.count(documentsAlias(), idsQuery(List.of(mededelingId))))
                  .isEqualTo(1);
              assertThat(elasticsearch.count(qaAlias(), idsQuery(List.of(mededelingId))))
                  .isEqualTo(expectedQa);
            });
    assertThat(elasticsearch.count(documentsAlias(), idsQuery(List.of(junkId)))).isZero();
    assertThat(pipeline.services()).allSatisfy(service -> assertThat(service.healthy()).isTrue());
  }

  private static void drop(Path source, String name) throws IOException {
    // Write beside the inbox, then move in: the watcher must also cope with slow writers, but
    // this test is about the pipeline, not the settle logic.
    Path staged = Files.copy(source, work.resolve("staged-" + UUID.randomUUID()));
    Files.move(staged, settings.inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static String documentsAlias() {
    return settings.aliasPrefix() + "kamerstukken-documents";
  }

  private static String qaAlias() {
    return settings.aliasPrefix() + "kamerstukken-qa";
  }

  private static String idsQuery(List<String> documentIds) {
    return "{\"terms\":{\"documentId\":[\"" + String.join("\",\"", documentIds) + "\"]}}";
  }

  private static List<DeadLetter> deadLetters() {
    return readAll(Topics.DEAD_LETTER.withPrefix(settings.topicPrefix()));
  }

  private static long receivedEventsFor(String documentId) {
    return readAll(Topics.RECEIVED.withPrefix(settings.topicPrefix())).stream()
        .filter(event -> event != null && documentId.equals(event.documentId()))
        .count();
  }

  /** Every value on {@code topic} up to its current end (tombstones as null). */
  private static <V> List<V> readAll(Topic<String, V> topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<V> values = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }
}
