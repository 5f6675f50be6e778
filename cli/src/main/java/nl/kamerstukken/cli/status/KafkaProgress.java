package nl.kamerstukken.cli.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.model.Topic;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One look at the pipeline's topics through Kafka's admin API: how many events each topic has had,
 * and per consuming service how far its consumer group has committed (what it has finished) and how
 * much is left.
 */
final class KafkaProgress {

  /** A consuming service, the topic it reads and its consumer group. */
  record Consumer(String service, Topic<String, ?> topic, String group) {}

  /**
   * Consumers of the pipeline, by their group ids as the services name them (before the
   * deployment's prefix).
   */
  static final List<Consumer> CONSUMERS =
      List.of(
          new Consumer("parse-service", Topics.RECEIVED, "parse-service"),
          new Consumer("assemble-service", Topics.PARSED, "assemble-service"),
          new Consumer("index-service", Topics.KAMERSTUKKEN, "index-service"),
          new Consumer(
              "index-service (kamervragen)", Topics.KAMERVRAGEN, "index-service-kamervragen"),
          new Consumer("index-service (alerts)", Topics.ALERTS, "index-service-alerts"));

  /**
   * @param events events ever written, per topic name (as the catalog names it, without prefix)
   * @param committed per service, the sum of its group's committed offsets
   * @param lag per service, events written but not yet committed by its group
   */
  record Snapshot(Map<String, Long> events, Map<String, Long> committed, Map<String, Long> lag) {
    Snapshot {
      events = Map.copyOf(events);
      committed = Map.copyOf(committed);
      lag = Map.copyOf(lag);
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final KafkaSettings settings;

  KafkaProgress(KafkaSettings settings) {
    this.settings = settings;
  }

  /**
   * @throws IllegalStateException when Kafka cannot be asked (the message says where it looked)
   */
  Snapshot snapshot() {
    Admin admin = Admin.create(settings.admin());
    try {
      Map<String, Long> events = new LinkedHashMap<>();
      Map<String, Map<TopicPartition, Long>> ends = new HashMap<>();
      for (Topic<String, ?> catalogued : Topics.all()) {
        Map<TopicPartition, Long> end = endOffsets(admin, settings.topic(catalogued).name());
        ends.put(catalogued.name(), end);
        events.put(catalogued.name(), end.values().stream().mapToLong(Long::longValue).sum());
      }
      Map<String, Long> committed = new LinkedHashMap<>();
      Map<String, Long> lag = new LinkedHashMap<>();
      for (Consumer consumer : CONSUMERS) {
        Map<TopicPartition, Long> end = ends.get(consumer.topic().name());
        Map<TopicPartition, OffsetAndMetadata> done =
            get(
                admin
                    .listConsumerGroupOffsets(settings.group(consumer.group()))
                    .partitionsToOffsetAndMetadata());
        long sum = 0;
        long left = 0;
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
          OffsetAndMetadata at = done.get(partition.getKey());
          long position = at == null ? 0 : at.offset();
          sum += position;
          left += Math.max(0, partition.getValue() - position);
        }
        committed.put(consumer.service(), sum);
        lag.put(consumer.service(), left);
      }
      return new Snapshot(events, committed, lag);
    } finally {
      admin.close(Duration.ofSeconds(2));
    }
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
    Map<String, TopicDescription> described =
        get(admin.describeTopics(List.of(topic)).allTopicNames());
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    described
        .get(topic)
        .partitions()
        .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer =
        get(admin.listOffsets(request).all());
    Map<TopicPartition, Long> end = new HashMap<>();
    answer.forEach((tp, info) -> end.put(tp, info.offset()));
    return end;
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking Kafka", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException("Kafka did not answer: " + cause.getMessage(), cause);
    }
  }
}
