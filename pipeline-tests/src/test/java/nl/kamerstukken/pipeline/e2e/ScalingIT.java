package nl.kamerstukken.pipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.kamerstukken.cli.parse.LocalFile;
import nl.kamerstukken.cli.up.Pipeline;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.cli.up.ServiceProcess;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.localstack.junit.TestCorpus;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.Topics;
import nl.kamerstukken.pipeline.TestPipelines;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Horizontal scaling on the local stack: topics with 4 partitions, two parse-service and two
 * index-service instances in one consumer group each, the real corpus dropped at once, and one
 * parse instance killed ({@code kill -9}) and one index instance stopped (SIGTERM) mid-run.
 *
 * <p>What "exactly once" means here: every document and every Q&A hit is in Elasticsearch exactly
 * once (ids are stable, so a redelivered event overwrites instead of doubling). The parsed topic is
 * at-least-once: a parse instance killed after publishing a batch but before committing its offsets
 * leaves events that the surviving instance publishes again; the test counts and logs those
 * duplicates rather than forbidding them.
 */
@ExtendWith(LocalStackExtension.class)
class ScalingIT {

  private static final Logger LOG = LoggerFactory.getLogger(ScalingIT.class);
  private static final Duration PATIENCE = Duration.ofSeconds(240);
  private static final int PARTITIONS = 4;

  /** Documents whose Q&A hits are checked against the ground truth (as in FolderToSearchIT). */
  private static final List<String> WITH_TRUTH =
      List.of(
          "kst-26643-1522",
          "00fe7edd-24c8-4857-98da-774ed3b06836",
          "1b650dd7-71d6-4b8f-8625-36c000046742",
          "01bf9f06-42d0-48a6-a85f-12c9c8e14c57");

  @TempDir Path work;

  @Test
  void twoInstancesOfParseAndIndexShareTheWorkAndEveryDocumentIsIndexedOnceAlsoWhenOneStops(
      LocalStack stack) throws Exception {
    Path corpus = TestCorpus.require();
    // Every PDF of the corpus but the scan (OCR of 1 MB of images would dominate the run)
    List<Path> pdfs;
    try (Stream<Path> files = Files.list(corpus)) {
      pdfs =
          files
              .filter(
                  p ->
                      p.toString().endsWith(".pdf")
                          && !p.getFileName().toString().equals("1848-scan.pdf"))
              .sorted()
              .toList();
    }
    Map<String, Path> byId = new HashMap<>();
    for (Path pdf : pdfs) {
      byId.put(LocalFile.describe(pdf).sha256(), pdf);
    }
    List<String> ids = List.copyOf(byId.keySet());
    String namespace = TestPipelines.namespace("it");
    PipelineSettings settings =
        TestPipelines.settings(
            stack.kafkaBootstrapServers(),
            stack.elasticsearchUrl(),
            work,
            namespace,
            work.resolve("logs"));
    SearchProbe search = new SearchProbe(stack.elasticsearchUrl());
    String documents = namespace + "-kamerstukken-documents";
    String qa = namespace + "-kamerstukken-qa";

    try (Pipeline pipeline =
            Pipeline.start(
                settings,
                Map.of("KAFKA_PARTITIONS", String.valueOf(PARTITIONS), "PARSE_THREADS", "1"));
        Admin admin =
            Admin.create(
                Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
      // Given a second parse and a second index instance in the same consumer groups
      ServiceProcess parse2 =
          pipeline.startInstance(
              PipelineSettings.PARSE, "parse-service-2", TestPipelines.freePort());
      ServiceProcess index2 =
          pipeline.startInstance(
              PipelineSettings.INDEX, "index-service-2", TestPipelines.freePort());
      parse2.awaitReady(Duration.ofSeconds(120));
      index2.awaitReady(Duration.ofSeconds(120));
      String received = settings.topicPrefix() + Topics.RECEIVED.name();
      String parsed = settings.topicPrefix() + Topics.PARSED.name();
      assertThat(admin.describeTopics(List.of(received, parsed)).allTopicNames().get().values())
          .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(PARTITIONS));
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(
                          admin
                              .describeConsumerGroups(
                                  List.of(
                                      settings.topicPrefix() + "parse-service",
                                      settings.topicPrefix() + "index-service"))
                              .all()
                              .get()
                              .values())
                      .allSatisfy(group -> assertThat(activeMembers(group)).isEqualTo(2)));

      // When the whole corpus is dropped at once
      for (Path pdf : pdfs) {
        drop(settings, pdf);
      }
      // And, once some documents are searchable, one parse instance is killed and one index
      // instance stopped
      await()
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> search.count(documents, ids(ids)) >= 3);
      pipeline.service(PipelineSettings.PARSE).kill();
      long indexedAtStop = search.count(documents, ids(ids));
      assertThat(pipeline.service("index-service-2").stop(Duration.ofSeconds(30)))
          .as("graceful stop")
          .isIn(0, 143);
      LOG.info(
          "killed parse-service and stopped index-service-2 with [{}] of [{}] documents indexed",
          indexedAtStop,
          ids.size());
      assertThat(indexedAtStop).as("the stop happened mid-run").isLessThan(ids.size());

      // Then every document is searchable exactly once, with each of its Q&A hits exactly once
      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () -> {
                assertThat(search.count(documents, ids(ids))).isEqualTo(ids.size());
                assertThat(search.count(qa, ids(ids)))
                    .isEqualTo(qaCountSum(search, documents, ids));
              });
      for (String name : WITH_TRUTH) {
        String id = LocalFile.describe(corpus.resolve(name + ".pdf")).sha256();
        assertThat(search.count(qa, ids(List.of(id))))
            .as(name)
            .isEqualTo(ExpectedQa.count(corpus.resolve("truth").resolve(name + ".json")));
      }
      // And every document was parsed (at least once), none dead-lettered
      List<ConsumerRecord<String, nl.kamerstukken.model.DocumentParsed>> parsedEvents =
          TopicReader.readAll(
              stack.kafkaBootstrapServers(), Topics.PARSED.withPrefix(settings.topicPrefix()));
      Map<String, Long> perDocument =
          parsedEvents.stream()
              .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
      assertThat(perDocument.keySet()).containsExactlyInAnyOrderElementsOf(ids);
      LOG.info(
          "parsed topic: [{}] events for [{}] documents ([{}] published again after the kill)",
          parsedEvents.size(),
          ids.size(),
          parsedEvents.size() - ids.size());
      Set<String> deadLettered =
          TopicReader.readAll(
                  stack.kafkaBootstrapServers(),
                  Topics.DEAD_LETTER.withPrefix(settings.topicPrefix()))
              .stream()
              .map(ConsumerRecord::value)
              .map(DeadLetter::documentId)
              .collect(Collectors.toSet());
      assertThat(deadLettered).doesNotContainAnyElementsOf(ids);
      // And the survivors are healthy
      assertThat(
              List.of(
                  pipeline.service("parse-service-2"), pipeline.service(PipelineSettings.INDEX)))
          .allSatisfy(service -> assertThat(service.healthy()).isTrue());
    }
  }

  private static long activeMembers(ConsumerGroupDescription group) {
    return group.members().stream()
        .filter(m -> !m.assignment().topicPartitions().isEmpty())
        .count();
  }

  /**
   * The Q&A hits the documents say they have (their {@code qaCount}): more in the Q&A index would
   * be doubles.
   */
  private static long qaCountSum(SearchProbe search, String documents, List<String> ids) {
    return search
        .search(
            documents,
            "{\"size\":0,\"query\":"
                + ids(ids)
                + ",\"aggs\":{\"qa\":{\"sum\":{\"field\":\"qaCount\"}}}}")
        .path("aggregations")
        .path("qa")
        .path("value")
        .asLong(-1);
  }

  private static String ids(List<String> documentIds) {
    return "{\"terms\":{\"documentId\":[\"" + String.join("\",\"", documentIds) + "\"]}}";
  }

  private void drop(PipelineSettings settings, Path source) throws IOException {
    Path staged = Files.copy(source, work.resolve("staged-" + UUID.randomUUID()));
    Files.move(
        staged, settings.inbox().resolve(source.getFileName()), StandardCopyOption.ATOMIC_MOVE);
  }
}
