package nl.kamerstukken.pipeline.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.cli.up.ServiceProcess;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.Topic;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a user (and an operator) can see of the pipeline, asked over the same interfaces:
 * Elasticsearch search through the aliases, the Kafka topics, and the services' {@code /metrics}.
 */
public final class Observer {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String elasticsearch;
  private final String kafka;
  private final PipelineSettings settings;

  public Observer(String elasticsearch, String kafka, PipelineSettings settings) {
    this.elasticsearch = elasticsearch;
    this.kafka = kafka;
    this.settings = settings;
  }

  /**
   * The identifiers of the batch's hits in the documents alias, one entry per hit (duplicates
   * stay).
   */
  List<String> documentHits(Batch batch) {
    return hits("kamerstukken-documents", batch, "identifier");
  }

  /** "identifier#position" per hit in the Q&A alias, one entry per hit. */
  List<String> qaHits(Batch batch) {
    return hits("kamerstukken-qa", batch, "position");
  }

  private List<String> hits(String alias, Batch batch, String second) {
    String body =
        "{\"size\":2000,\"_source\":[\"identifier\",\"position\"],\"query\":{\"terms\":{\"identifier\":"
            + Json.mapper().valueToTree(batch.identifiers())
            + "}}}";
    JsonNode answer = post("/" + settings.aliasPrefix() + alias + "/_search", body);
    List<String> keys = new ArrayList<>();
    for (JsonNode hit : answer.path("hits").path("hits")) {
      JsonNode source = hit.path("_source");
      keys.add(
          source.path("identifier").asText()
              + ("position".equals(second) ? "#" + source.path("position") : ""));
    }
    return keys;
  }

  /** The case key of each hit in the Kamervragen alias for the batch's Aanhangsels. */
  List<String> caseHits(Batch batch) {
    String body =
        "{\"size\":2000,\"_source\":[\"caseKey\"],\"query\":{\"terms\":{\"documents.identifier\":"
            + Json.mapper().valueToTree(batch.identifiers())
            + "}}}";
    JsonNode answer = post("/" + settings.aliasPrefix() + "kamerstukken-kamervragen/_search", body);
    List<String> keys = new ArrayList<>();
    for (JsonNode hit : answer.path("hits").path("hits")) {
      keys.add(hit.path("_source").path("caseKey").asText());
    }
    return keys;
  }

  /**
   * Hits in an alias ({@code kamerstukken-documents} or {@code kamerstukken-qa}) for an
   * Elasticsearch query.
   */
  public long count(String alias, String query) {
    JsonNode answer =
        post("/" + settings.aliasPrefix() + alias + "/_count", "{\"query\":" + query + "}");
    return answer.path("count").asLong(-1);
  }

  /** The documents-alias hit for a document id: its source, or a missing node. */
  JsonNode documentById(String documentId) {
    JsonNode answer =
        post(
            "/" + settings.aliasPrefix() + "kamerstukken-documents/_search",
            "{\"query\":{\"term\":{\"documentId\":\"" + documentId + "\"}}}");
    return answer.path("hits").path("hits").path(0).path("_source");
  }

  /** Document ids that were announced on the received topic. */
  Set<String> receivedDocumentIds() {
    return Set.copyOf(keysOf(Topics.RECEIVED));
  }

  /** Document ids that have a parsed event. */
  Set<String> parsedDocumentIds() {
    return Set.copyOf(keysOf(Topics.PARSED));
  }

  static int duplicates(List<String> hits) {
    return hits.size() - new HashSet<>(hits).size();
  }

  /** Dead letters about any of {@code documentIds}. */
  public List<DeadLetter> deadLettersFor(List<String> documentIds) {
    Set<String> ids = Set.copyOf(documentIds);
    return readAll(Topics.DEAD_LETTER).stream()
        .filter(l -> l != null && ids.contains(l.documentId()))
        .toList();
  }

  List<DeadLetter> allDeadLetters() {
    return readAll(Topics.DEAD_LETTER);
  }

  /**
   * Events on the parsed topic for any of {@code documentIds} (more than one per document =
   * redelivered).
   */
  long parsedEventsFor(List<String> documentIds) {
    Set<String> ids = Set.copyOf(documentIds);
    return keysOf(Topics.PARSED).stream().filter(ids::contains).count();
  }

  /**
   * The sum of every series of a metric in a service's {@code /metrics}; 0 when it does not answer.
   */
  double metric(ServiceProcess service, String name) {
    try {
      String text =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + service.httpPort() + "/metrics"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return text.lines()
          .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
          .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
          .sum();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** The body of a service's {@code /health}, or "unreachable". */
  String health(ServiceProcess service) {
    try {
      return http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + service.httpPort() + "/health"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "unreachable";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unreachable";
    }
  }

  private JsonNode post(String path, String json) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(elasticsearch + path))
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build();
      return Json.mapper()
          .readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private <V> List<V> readAll(Topic<String, V> catalogued) {
    List<V> values = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records(catalogued)) {
      Topic<String, V> topic = catalogued.withPrefix(settings.topicPrefix());
      values.add(
          record.value() == null
              ? null
              : topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
    }
    return values;
  }

  private List<String> keysOf(Topic<String, ?> catalogued) {
    return records(catalogued).stream()
        .filter(r -> r.value() != null)
        .map(ConsumerRecord::key)
        .toList();
  }

  /** Every record of the topic up to its current end. */
  private List<ConsumerRecord<String, byte[]>> records(Topic<String, ?> catalogued) {
    String topic = catalogued.withPrefix(settings.topicPrefix()).name();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }
}
