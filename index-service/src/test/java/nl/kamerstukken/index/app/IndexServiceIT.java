package nl.kamerstukken.index.app;

import static nl.kamerstukken.index.document.Fixtures.RECEIVED;
import static nl.kamerstukken.index.document.Fixtures.parsed;
import static nl.kamerstukken.index.document.Fixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.kamerstukken.index.config.IndexConfig;
import nl.kamerstukken.index.document.KamerstukSerializer;
import nl.kamerstukken.index.elasticsearch.Analysis;
import nl.kamerstukken.index.elasticsearch.ElasticsearchClients;
import nl.kamerstukken.index.elasticsearch.IndexSetup;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The index service on a real broker and a real search node: events go in with a real producer, and
 * what a user would query comes out of real searches through the aliases.
 */
@ExtendWith(LocalStackExtension.class)
class IndexServiceIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String PREFIX = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";

  private static IndexService service;
  private static Supervisor supervisor;
  private static ElasticsearchClient elasticsearch;
  private static KafkaProducer<String, DocumentParsed> producer;
  private static Admin kafkaAdmin;
  private static String topic;
  private static String bootstrap;

  @BeforeAll
  static void startService(LocalStack stack) {
    IndexConfig config =
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
    supervisor = new Supervisor("index-service-it");
    service.start(supervisor);
    elasticsearch = ElasticsearchClients.create(config.elasticsearch());
    topic = config.kafka().topic(Topics.KAMERSTUKKEN).name();
    bootstrap = stack.kafkaBootstrapServers();
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new KamerstukSerializer());
    kafkaAdmin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
  }

  @AfterAll
  static void stopService() throws IOException {
    supervisor.stopping();
    service.close();
    producer.close();
    kafkaAdmin.close();
    for (SearchIndex index : SearchIndex.values()) {
      String alias = service.names().alias(index);
      elasticsearch.indices().delete(d -> d.index(service.layout().indices().get(index)));
      elasticsearch.indices().deleteIndexTemplate(d -> d.name(alias + "-template"));
    }
    elasticsearch.close();
    assertThat(supervisor.failure()).as("no loop of the service died").isEmpty();
  }

  @Test
  void indexesTheDocumentAndEachQuestionWithItsAnswerWithTheMetadata() throws Exception {
    // Given a Kamerstuk with questions 5 and 6 answered together and question 7 answered alone
    String id = documentId();
    String identifier = "ah-tk-20232024-" + id.substring(0, 6);
    DocumentParsed doc =
        parsed(
            id,
            identifier,
            List.of(
                segment("Hoe lang zijn de wachttijden in de jeugdzorg?", "5"),
                segment("Wat gaat u doen?", "6"),
                segment("Kent u het rapport over huisartsen?", "7")),
            List.of(
                segment("De wachttijden zijn gemiddeld twaalf weken.", "5", "6"),
                segment("Ja.", "7")),
            RECEIVED);

    // When
    publish(id, doc);

    // Then the document and three Q&A documents (one per question) can be found through the aliases
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(byDocumentId(SearchIndex.QA, id)).hasSize(3);
              assertThat(byDocumentId(SearchIndex.DOCUMENTS, id)).hasSize(1);
            });
    List<JsonNode> documents = byDocumentId(SearchIndex.DOCUMENTS, id);
    assertThat(documents.get(0).get("identifier").asText()).isEqualTo(identifier);
    assertThat(documents.get(0).get("qaCount").asInt()).isEqualTo(3);

    List<JsonNode> qa = byDocumentId(SearchIndex.QA, id);
    JsonNode five =
        qa.stream().filter(q -> q.get("position").asInt() == 1).findFirst().orElseThrow();
    JsonNode six =
        qa.stream().filter(q -> q.get("position").asInt() == 2).findFirst().orElseThrow();
    assertThat(five.get("answerText").asText())
        .isEqualTo("De wachttijden zijn gemiddeld twaalf weken.");
    assertThat(six.get("answerText").asText()).isEqualTo(five.get("answerText").asText());
    assertThat(six.get("answerNumbers").toString()).isEqualTo("[\"5\",\"6\"]");
    assertThat(five.get("parties").toString()).isEqualTo("[\"BBB\"]");
    assertThat(five.get("submittedDate").asText()).isEqualTo("2024-01-10");
    assertThat(five.at("/source/fileName").asText()).isEqualTo(id + ".pdf");
    assertThat(five.at("/source/blobUri").asText()).isEqualTo("file:///blobs/" + id);

    // And a user's full-text, phrase and metadata filters hit the right question
    assertThat(search(SearchIndex.QA, id, "{\"match\":{\"questionText\":\"huisartsen\"}}"))
        .extracting(q -> q.get("position").asInt())
        .containsExactly(3);
    assertThat(
            search(
                SearchIndex.QA,
                id,
                "{\"match_phrase\":{\"answerText.exact\":\"gemiddeld twaalf weken\"}}"))
        .hasSize(2);
    assertThat(
            search(
                SearchIndex.QA,
                id,
                "{\"term\":{\"addressedTo\":"
                    + "\"Staatssecretaris van Volksgezondheid, Welzijn en Sport\"}}"))
        .hasSize(3);
    assertThat(
            search(
                SearchIndex.QA,
                id,
                "{\"range\":{\"date\":{\"gte\":\"2024-02-01\",\"lt\":\"2024-03-01\"}}}"))
        .hasSize(3);
  }

  @Test
  void aRedeliveredEventOverwritesInsteadOfDuplicating() throws Exception {
    // Given a Kamerstuk that was indexed
    String id = documentId();
    DocumentParsed doc =
        parsed(
            id,
            "kst-99999-" + id.substring(0, 6),
            List.of(segment("Vraag?", "1"), segment("Nog een vraag?", "2")),
            List.of(segment("Antwoord.", "1"), segment("Tweede antwoord.", "2")),
            RECEIVED);
    awaitProcessed(publish(id, doc));

    // When the same event is delivered twice more
    publish(id, doc);
    awaitProcessed(publish(id, doc));

    // Then there is still one document and one Q&A document per question
    refresh();
    assertThat(byDocumentId(SearchIndex.DOCUMENTS, id)).hasSize(1);
    assertThat(byDocumentId(SearchIndex.QA, id)).hasSize(2);
  }

  @Test
  void theAnalysisMatchesWhatTheClusterOffersHunspellWithoutDutch() throws Exception {
    // Given whether this cluster has the dutch analyzer (the local-stack distribution lacks
    // analysis-common) and the Dutch Hunspell dictionary (local-stack installs it)
    boolean dutch = clusterHasDutch();
    boolean hunspell = clusterHasHunspell();

    // Then the service chose accordingly, and says so on /health
    Analysis expected = dutch ? Analysis.DUTCH : hunspell ? Analysis.HUNSPELL : Analysis.FALLBACK;
    assertThat(service.activeAnalysis()).isEqualTo(expected);
    JsonNode health = Json.mapper().readTree(get("/health").body());
    assertThat(health.at("/checks/analysis/detail").asText()).startsWith(expected.name());
    assertThat(health.at("/checks/elasticsearch/status").asText()).isEqualTo("UP");
    assertThat(new IndexSetup(elasticsearch, service.names()).inspect())
        .containsEntry(SearchIndex.DOCUMENTS, expected)
        .containsEntry(SearchIndex.QA, expected);
    if (!dutch) {
      // And on this distribution the stop words go, and words are stemmed by the dictionary (or,
      // without it, not at all)
      List<String> tokens =
          elasticsearch
              .indices()
              .analyze(
                  a ->
                      a.index(service.names().alias(SearchIndex.QA))
                          .analyzer("kamerstukken_text")
                          .text("De vragen van het lid"))
              .tokens()
              .stream()
              .map(t -> t.token())
              .toList();
      if (hunspell) {
        assertThat(tokens).contains("vraag", "lid").doesNotContain("de", "van", "het");
      } else {
        assertThat(tokens).containsExactly("vragen", "lid");
      }
    }
  }

  @Test
  void aTombstoneRemovesTheDocumentAndItsQa() throws Exception {
    // Given an indexed Kamerstuk
    String id = documentId();
    String key = "kst-88888-" + id.substring(0, 6);
    publish(
        id,
        parsed(
            id,
            key,
            List.of(segment("Vraag?", "1")),
            List.of(segment("Antwoord.", "1")),
            RECEIVED));
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(byDocumentId(SearchIndex.QA, id)).hasSize(1));

    // When its tombstone arrives (keyed by the Kamerstuk key, as assemble-service writes it)
    publish(key, null);

    // Then the document and its Q&A are gone
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(byDocumentId(SearchIndex.DOCUMENTS, id)).isEmpty();
              assertThat(byDocumentId(SearchIndex.QA, id)).isEmpty();
            });
  }

  @Test
  void aNewVersionReplacesTheOldOneAndLeavesNoStaleQa() throws Exception {
    // Given version 1 of a Kamerstuk with three questions is indexed
    String identifier = "ah-tk-20242025-" + documentId().substring(0, 6);
    String first = documentId();
    publish(
        first,
        parsed(
            first,
            identifier,
            List.of(segment("Een?", "1"), segment("Twee?", "2"), segment("Drie?", "3")),
            List.of(segment("A1", "1"), segment("A2", "2"), segment("A3", "3")),
            RECEIVED));
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(byIdentifier(SearchIndex.QA, identifier)).hasSize(3));

    // When a corrected version (other content, same identifier, received later) with one question
    // arrives
    String second = documentId();
    publish(
        second,
        parsed(
            second,
            identifier,
            List.of(segment("Enige vraag?", "1")),
            List.of(segment("Enig antwoord.", "1")),
            RECEIVED.plusSeconds(3600)));

    // Then only the new version is found, with only its own Q&A
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(byIdentifier(SearchIndex.QA, identifier))
                  .extracting(q -> q.get("documentId").asText())
                  .containsExactly(second);
              assertThat(byIdentifier(SearchIndex.DOCUMENTS, identifier))
                  .extracting(d -> d.get("documentId").asText())
                  .containsExactly(second);
            });

    // (An older event cannot arrive late any more: on the Kamerstukken topic what comes later in
    // the key's partition is newer, and its offset is the version; WritePlanTest shows a lower
    // version being refused.)
  }

  @Test
  void metricsCountIndexedDocumentsAndBulkLatency() throws Exception {
    String id = documentId();
    awaitProcessed(
        publish(id, parsed(id, null, List.of(segment("Vraag?", "1")), List.of(), RECEIVED)));

    String metrics = get("/metrics").body();

    assertThat(metrics)
        .contains(
            "kamerstukken_index_documents_total",
            "kamerstukken_index_qa_total",
            "kamerstukken_index_bulk_seconds_bucket");
  }

  @Test
  void aSearchDocumentTheMappingRefusesIsDeadLetteredWithTheReasonAndTheRestIsIndexed()
      throws Exception {
    // Given a Kamerstuk whose second question carries a number no keyword field can hold (a parser
    // glitch:
    // Lucene refuses terms over 32766 bytes), and a sound Kamerstuk in the same batch
    String broken = documentId();
    String sound = documentId();
    String glitch = "7".repeat(40_000);
    DocumentParsed withGlitch =
        parsed(
            broken,
            "kst-77777-" + broken.substring(0, 6),
            List.of(segment("Eerste?", "1"), segment("Tweede?", glitch), segment("Derde?", "3")),
            List.of(segment("A1", "1"), segment("A3", "3")),
            RECEIVED);
    DocumentParsed fine =
        parsed(
            sound,
            "kst-77777-" + sound.substring(0, 6),
            List.of(segment("Vraag?", "1")),
            List.of(segment("Antwoord.", "1")),
            RECEIVED);

    // When both arrive
    producer.send(
        new ProducerRecord<>(topic, KamerstukSerializer.key(broken, withGlitch), withGlitch));
    awaitProcessed(publish(sound, fine));

    // Then the refused Q&A document is dead-lettered with Elasticsearch's reason, and everything
    // else is indexed
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(deadLetters())
                    .anySatisfy(
                        letter -> {
                          assertThat(letter.documentId()).isEqualTo(broken);
                          assertThat(letter.stage()).isEqualTo(Stage.INDEX);
                          assertThat(letter.reasonCode()).isEqualTo(ReasonCode.INDEX_REJECTED);
                          assertThat(letter.message())
                              .contains("-qa-2: document_parsing_exception", "questionNumbers");
                        }));
    refresh();
    assertThat(byDocumentId(SearchIndex.QA, broken))
        .extracting(q -> q.get("position").asInt())
        .containsExactlyInAnyOrder(1, 3);
    assertThat(byDocumentId(SearchIndex.DOCUMENTS, broken)).hasSize(1);
    assertThat(byDocumentId(SearchIndex.QA, sound)).hasSize(1);
  }

  /** Every dead letter on this test's topic so far. */
  private static List<DeadLetter> deadLetters() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<String, DeadLetter> consumer =
        new KafkaConsumer<>(
            props, new StringDeserializer(), Topics.DEAD_LETTER.valueSerde().deserializer())) {
      String dlq = Topics.DEAD_LETTER.withPrefix(PREFIX).name();
      List<TopicPartition> partitions =
          consumer.partitionsFor(dlq).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(r.value()));
      }
    }
    return letters;
  }

  private static String documentId() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }

  private static RecordMetadata publish(String key, DocumentParsed value) throws Exception {
    return producer
        .send(new ProducerRecord<>(topic, KamerstukSerializer.key(key, value), value))
        .get();
  }

  /**
   * Waits until the service's consumer group committed past this record: the service is done with
   * it.
   */
  private static void awaitProcessed(RecordMetadata record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    await()
        .atMost(WAIT)
        .until(
            () -> {
              Map<TopicPartition, OffsetAndMetadata> offsets =
                  kafkaAdmin
                      .listConsumerGroupOffsets(PREFIX + IndexService.GROUP)
                      .partitionsToOffsetAndMetadata()
                      .get();
              OffsetAndMetadata committed = offsets.get(partition);
              return committed != null && committed.offset() > record.offset();
            });
  }

  private static List<JsonNode> byDocumentId(SearchIndex index, String documentId)
      throws IOException {
    return search(index, null, "{\"term\":{\"documentId\":\"" + documentId + "\"}}");
  }

  private static List<JsonNode> byIdentifier(SearchIndex index, String identifier)
      throws IOException {
    return search(index, null, "{\"term\":{\"identifier\":\"" + identifier + "\"}}");
  }

  /**
   * Hits of {@code query} (restricted to one document when {@code documentId} is given), as JSON
   * sources.
   */
  private static List<JsonNode> search(SearchIndex index, String documentId, String query)
      throws IOException {
    String restricted =
        documentId == null
            ? query
            : "{\"bool\":{\"must\":["
                + query
                + "],\"filter\":[{\"term\":{\"documentId\":\""
                + documentId
                + "\"}}]}}";
    String body = "{\"size\":100,\"query\":" + restricted + "}";
    return elasticsearch
        .search(
            s -> s.index(service.names().alias(index)).withJson(new StringReader(body)),
            ObjectNode.class)
        .hits()
        .hits()
        .stream()
        .map(Hit::source)
        .map(JsonNode.class::cast)
        .toList();
  }

  private static void refresh() throws IOException {
    elasticsearch
        .indices()
        .refresh(
            r ->
                r.index(
                    service.names().alias(SearchIndex.DOCUMENTS),
                    service.names().alias(SearchIndex.QA)));
  }

  private static boolean clusterHasDutch() throws IOException {
    try {
      elasticsearch.indices().analyze(a -> a.analyzer("dutch").text("vragen"));
      return true;
    } catch (ElasticsearchException e) {
      return false;
    }
  }

  private static boolean clusterHasHunspell() throws IOException {
    try {
      return elasticsearch
          .indices()
          .analyze(
              a ->
                  a.tokenizer(t -> t.name("standard"))
                      .filter(
                          f -> f.definition(d -> d.hunspell(h -> h.locale("nl_NL").dedup(true))))
                      .text("sancties"))
          .tokens()
          .stream()
          .anyMatch(t -> t.token().equals("sanctie"));
    } catch (ElasticsearchException e) {
      return false;
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.admin().port() + path))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
