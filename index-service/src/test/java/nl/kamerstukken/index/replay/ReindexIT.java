package nl.kamerstukken.index.replay;

import static nl.kamerstukken.index.document.Fixtures.RECEIVED;
import static nl.kamerstukken.index.document.Fixtures.parsed;
import static nl.kamerstukken.index.document.Fixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.kamerstukken.index.app.IndexService;
import nl.kamerstukken.index.config.IndexConfig;
import nl.kamerstukken.index.document.KamerstukSerializer;
import nl.kamerstukken.index.elasticsearch.ElasticsearchClients;
import nl.kamerstukken.index.elasticsearch.IndexVersions;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rebuild from the parsed topic on a real broker and search node, while the index service runs
 * and a search loop keeps asking: the loop never fails nor sees fewer questions, events published
 * meanwhile are not lost, and the rebuilt index reproduces deletes and replacements.
 */
@ExtendWith(LocalStackExtension.class)
class ReindexIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String PREFIX = "rx-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  private static final String WORD = "wachttijden";

  private static IndexService service;
  private static Supervisor supervisor;
  private static IndexConfig config;
  private static ElasticsearchClient elasticsearch;
  private static KafkaProducer<String, DocumentParsed> producer;

  @BeforeAll
  static void start(LocalStack stack) {
    config =
        IndexConfig.load(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                stack.kafkaBootstrapServers(),
                "KAFKA_TOPIC_PREFIX",
                PREFIX,
                "INDEX_ELASTICSEARCH_URL",
                stack.elasticsearchUrl(),
                "INDEX_ALIAS_PREFIX",
                PREFIX,
                "INDEX_HTTP_PORT",
                "0"));
    service = IndexService.create(config);
    supervisor = new Supervisor("reindex-it");
    service.start(supervisor);
    elasticsearch = ElasticsearchClients.create(config.elasticsearch());
    producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
            new StringSerializer(),
            new KamerstukSerializer());
  }

  @AfterAll
  static void stop() throws Exception {
    supervisor.stopping();
    service.close();
    producer.close();
    versions().deleteBelow(Integer.MAX_VALUE);
    for (SearchIndex index : SearchIndex.values()) {
      elasticsearch
          .indices()
          .deleteIndexTemplate(d -> d.name(service.names().alias(index) + "-template"));
    }
    elasticsearch.close();
    assertThat(supervisor.failure()).isEmpty();
  }

  @Test
  void aRebuildSwitchesTheAliasesWhileSearchesKeepWorkingAndLosesNothing() throws Exception {
    // Given 30 Kamerstukken with 3 questions each, one of them replaced by a version with 1
    // question,
    // and one removed by a tombstone
    List<String> ids = publishKamerstukken(30);
    String identifier = "ah-tk-20232024-" + ids.get(0).substring(0, 6);
    String replacement = id();
    publish(
        replacement,
        parsed(
            replacement,
            identifier,
            List.of(segment("Zijn de wachttijden korter?", "1")),
            List.of(segment("Ja.", "1")),
            RECEIVED.plusSeconds(3600)));
    // (a tombstone on the Kamerstukken topic is keyed by the Kamerstuk key: its identifier)
    publish("ah-tk-20232024-" + ids.get(1).substring(0, 6), null);
    long expected = 28 * 3 + 1;
    await().atMost(WAIT).untilAsserted(() -> assertThat(qaMatching()).isEqualTo(expected));
    Map<SearchIndex, String> before = versions().current();

    // When a search loop runs, the index is rebuilt, and 10 more Kamerstukken arrive during the
    // rebuild
    SearchLoop loop = SearchLoop.start(expected);
    List<String> live = new ArrayList<>();
    ReindexReport report;
    try {
      report =
          Reindexer.create(elasticsearch, service.names(), config.kafka(), config.bulk())
              .run(line -> live.addAll(publishQuietly(5)));
      await()
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(qaMatching()).isEqualTo(expected + live.size() * 3L));
    } finally {
      loop.stop();
    }

    // Then the aliases point at the new version, the old one is kept, and the searches never failed
    Map<SearchIndex, String> after = versions().current();
    assertThat(after.get(SearchIndex.QA)).isEqualTo(PREFIX + "kamerstukken-qa-v2");
    assertThat(after.get(SearchIndex.DOCUMENTS)).isEqualTo(PREFIX + "kamerstukken-documents-v2");
    assertThat(report.previous()).isEqualTo(before);
    assertThat(exists(before.get(SearchIndex.QA))).isTrue();
    assertThat(loop.failures).as("searches that failed during the rebuild").isEmpty();
    assertThat(loop.searches.get()).as("searches during the rebuild").isGreaterThan(5);
    assertThat(live).isNotEmpty();
    // And the rebuilt index has the replacement only once, with its one question, and not the
    // removed one
    assertThat(count(SearchIndex.QA, "{\"term\":{\"identifier\":\"" + identifier + "\"}}"))
        .isEqualTo(1);
    assertThat(count(SearchIndex.QA, "{\"term\":{\"documentId\":\"" + ids.get(1) + "\"}}"))
        .isZero();
    assertThat(count(SearchIndex.DOCUMENTS, "{\"term\":{\"documentId\":\"" + ids.get(1) + "\"}}"))
        .isZero();
  }

  @Test
  void aSecondRebuildKeepsOnlyThePreviousVersion() throws Exception {
    // Given a rebuilt index (the test above, or this one's own first rebuild)
    Reindexer reindexer =
        Reindexer.create(elasticsearch, service.names(), config.kafka(), config.bulk());
    int first = IndexVersions.versionOf(reindexer.run(line -> {}).current().get(SearchIndex.QA));

    // When it is rebuilt again
    ReindexReport report = reindexer.run(line -> {});

    // Then the new version is current, the one before is kept, older ones are gone
    assertThat(IndexVersions.versionOf(report.current().get(SearchIndex.QA))).isEqualTo(first + 1);
    assertThat(exists(PREFIX + "kamerstukken-qa-v" + first)).isTrue();
    assertThat(report.deleted()).allSatisfy(name -> assertThat(exists(name)).isFalse());
    assertThat(report.deleted()).contains(PREFIX + "kamerstukken-qa-v" + (first - 1));
  }

  /**
   * Counts the questions with {@link #WORD} every 20 ms; records every failure and every short
   * count.
   */
  private static final class SearchLoop {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong searches = new AtomicLong();

    static SearchLoop start(long atLeast) {
      SearchLoop loop = new SearchLoop();
      loop.executor.scheduleWithFixedDelay(
          () -> {
            try {
              long found = qaMatching();
              if (found < atLeast) {
                loop.failures.add("found " + found + " < " + atLeast);
              }
              loop.searches.incrementAndGet();
            } catch (Exception e) {
              loop.failures.add(e.toString());
            }
          },
          0,
          20,
          TimeUnit.MILLISECONDS);
      return loop;
    }

    void stop() throws InterruptedException {
      executor.shutdown();
      assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static long qaMatching() throws IOException {
    return elasticsearch
        .search(
            s ->
                s.index(service.names().alias(SearchIndex.QA))
                    .size(0)
                    .trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.match(m -> m.field("questionText").query(WORD))),
            Void.class)
        .hits()
        .total()
        .value();
  }

  private static List<String> publishKamerstukken(int count) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = id();
      publish(
          id,
          parsed(
              id,
              "ah-tk-20232024-" + id.substring(0, 6),
              List.of(
                  segment("Hoe lang zijn de " + WORD + "?", "1"),
                  segment("Waarom nemen de " + WORD + " toe?", "2"),
                  segment("Wat doet u aan de " + WORD + "?", "3")),
              List.of(
                  segment("Twaalf weken.", "1"),
                  segment("Door tekorten.", "2"),
                  segment("Wij investeren.", "3")),
              RECEIVED));
      ids.add(id);
    }
    return ids;
  }

  private static List<String> publishQuietly(int count) {
    try {
      return publishKamerstukken(count);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void publish(String key, DocumentParsed value) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                config.kafka().topic(Topics.KAMERSTUKKEN).name(),
                KamerstukSerializer.key(key, value),
                value))
        .get();
  }

  private static IndexVersions versions() {
    return new IndexVersions(elasticsearch, service.names());
  }

  private static boolean exists(String index) throws IOException {
    return elasticsearch.indices().exists(e -> e.index(index)).value();
  }

  private static long count(SearchIndex index, String query) throws IOException {
    elasticsearch.indices().refresh(r -> r.index(service.names().alias(index)));
    return elasticsearch
        .count(
            c ->
                c.index(service.names().alias(index))
                    .withJson(new java.io.StringReader("{\"query\":" + query + "}")))
        .count();
  }

  private static String id() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }
}
