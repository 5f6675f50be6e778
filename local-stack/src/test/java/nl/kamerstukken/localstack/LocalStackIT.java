package nl.kamerstukken.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class LocalStackIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void recordProducedToANewTopicIsConsumedBack(LocalStack stack) throws Exception {
    // Given a topic nobody else uses
    String topic = "it-" + UUID.randomUUID();
    createTopic(stack, topic);

    // When a record is produced
    produce(stack, topic, "vraag-1", "Welke maatregelen neemt u?");

    // Then a consumer reading from the start gets it
    assertThat(consumeValues(stack, topic, 1)).containsExactly("Welke maatregelen neemt u?");
  }

  @Test
  void documentIndexedIntoANewIndexIsFoundBySearch(LocalStack stack) {
    // Given an index with 0 replicas (green on one node)
    String index = "it-" + UUID.randomUUID();
    createIndex(stack, index);

    // When a document is indexed
    indexDocument(stack, index, "1", "Antwoord op vragen over de stikstofuitstoot");

    // Then a search finds it and the index is green
    assertThat(searchTexts(stack, index, "stikstofuitstoot"))
        .containsExactly("Antwoord op vragen over de stikstofuitstoot");
    JsonNode health =
        Http.send(
            "GET",
            stack.elasticsearchUrl()
                + "/_cluster/health/"
                + index
                + "?wait_for_status=green&timeout=10s",
            null);
    assertThat(health.path("status").asText()).isEqualTo("green");
  }

  @Test
  void kafkaAndElasticsearchWorkAgainAfterARestartWithTheirData(LocalStack stack) throws Exception {
    assumeTrue(
        stack.managesKafka() && stack.managesElasticsearch(),
        "needs a Kafka and Elasticsearch it started");
    // Given a record in a topic and a document in an index
    String topic = "it-" + UUID.randomUUID();
    String index = "it-" + UUID.randomUUID();
    createTopic(stack, topic);
    produce(stack, topic, "k", "voor de herstart");
    createIndex(stack, index);
    indexDocument(stack, index, "1", "document voor de herstart");

    // When both are stopped
    stack.kafka().stop();
    stack.elasticsearch().stop();

    // Then neither runs nor answers
    assertThat(stack.kafka().isRunning()).isFalse();
    assertThat(stack.elasticsearch().isRunning()).isFalse();
    assertThatThrownBy(() -> Http.send("GET", stack.elasticsearchUrl() + "/_cluster/health", null))
        .isInstanceOf(UncheckedIOException.class);

    // When both are started again, on the same ports and data
    stack.kafka().start();
    stack.elasticsearch().start();

    // Then the old record and document are there and new ones work
    produce(stack, topic, "k", "na de herstart");
    assertThat(consumeValues(stack, topic, 2))
        .containsExactly("voor de herstart", "na de herstart");
    indexDocument(stack, index, "2", "document na de herstart");
    assertThat(searchTexts(stack, index, "herstart"))
        .containsExactlyInAnyOrder("document voor de herstart", "document na de herstart");
  }

  private static void createTopic(LocalStack stack, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  private static void produce(LocalStack stack, String topic, String key, String value)
      throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }
  }

  private static List<String> consumeValues(LocalStack stack, String topic, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(WAIT)
          .pollInSameThread()
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  values.add(record.value());
                }
                assertThat(values).hasSizeGreaterThanOrEqualTo(expected);
              });
    }
    return values;
  }

  private static void createIndex(LocalStack stack, String index) {
    Http.send(
        "PUT",
        stack.elasticsearchUrl() + "/" + index,
        "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
            + "\"mappings\":{\"properties\":{\"text\":{\"type\":\"text\"}}}}");
  }

  private static void indexDocument(LocalStack stack, String index, String id, String text) {
    Http.send(
        "PUT",
        stack.elasticsearchUrl() + "/" + index + "/_doc/" + id + "?refresh=true",
        "{\"text\":\"" + text + "\"}");
  }

  private static List<String> searchTexts(LocalStack stack, String index, String word) {
    JsonNode result =
        Http.send(
            "POST",
            stack.elasticsearchUrl() + "/" + index + "/_search",
            "{\"query\":{\"match\":{\"text\":\"" + word + "\"}}}");
    List<String> texts = new ArrayList<>();
    result
        .path("hits")
        .path("hits")
        .forEach(hit -> texts.add(hit.path("_source").path("text").asText()));
    return texts;
  }
}
