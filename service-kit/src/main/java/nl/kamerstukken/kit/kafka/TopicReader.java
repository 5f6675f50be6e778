package nl.kamerstukken.kit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.kamerstukken.kit.schema.EventCheck;
import nl.kamerstukken.kit.schema.EventSchema;
import nl.kamerstukken.model.Topic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a range of a topic with its own consumer outside any consumer group (nothing is committed,
 * no running service is disturbed): every partition from given offsets up to given end offsets, in
 * batches. Records that are not a valid event (their topic's JSON Schema refuses them, or their key
 * is not their document id) are skipped and listed in {@link #skipped()} (the services
 * dead-lettered them already).
 */
public final class TopicReader<V> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
  private static final Duration POLL = Duration.ofMillis(500);

  /** Takes one batch; may throw to stop the reading. */
  @FunctionalInterface
  public interface Batches<V> {
    void accept(List<Incoming<V>> batch) throws Exception;
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final Topic<String, V> topic;
  private final EventSchema schema;
  private final List<TopicPartition> partitions;
  private final List<String> skipped = new ArrayList<>();

  private TopicReader(KafkaConsumer<String, byte[]> consumer, Topic<String, V> topic) {
    this.consumer = consumer;
    this.topic = topic;
    this.schema = EventSchema.of(topic);
    this.partitions =
        consumer.partitionsFor(topic.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
  }

  /** A reader of {@code topic} as named in this deployment (with the topic prefix). */
  public static <V> TopicReader<V> open(
      KafkaSettings settings, Topic<String, V> topic, String purpose, int batchSize) {
    Properties props = settings.consumer(purpose, batchSize);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    Topic<String, V> named = settings.topic(topic);
    return new TopicReader<>(new KafkaConsumer<>(props), named);
  }

  public Map<TopicPartition, Long> beginning() {
    return consumer.beginningOffsets(partitions);
  }

  public Map<TopicPartition, Long> end() {
    return consumer.endOffsets(partitions);
  }

  /** Records skipped because they were not a valid event: {@code topic-partition@offset: why}. */
  public List<String> skipped() {
    return List.copyOf(skipped);
  }

  /** The topic's name as this deployment names it. */
  public String topicName() {
    return topic.name();
  }

  /** How many records were skipped because they were not a valid event. */
  public long invalid() {
    return skipped.size();
  }

  /**
   * Hands every record at offsets {@code [from, to)} to {@code batches}, partition positions
   * advancing together; returns how many records were handed over.
   */
  public long read(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, Batches<V> batches)
      throws Exception {
    for (TopicPartition partition : partitions) {
      consumer.seek(partition, from.getOrDefault(partition, 0L));
    }
    long count = 0;
    while (!done(to)) {
      List<Incoming<V>> batch = new ArrayList<>();
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.offset() < to.getOrDefault(partition, 0L)) {
          decode(record, batch);
        }
      }
      pauseFinished(to);
      if (!batch.isEmpty()) {
        batches.accept(batch);
        count += batch.size();
      }
    }
    consumer.resume(partitions);
    return count;
  }

  private void decode(ConsumerRecord<String, byte[]> record, List<Incoming<V>> batch) {
    EventCheck checked = schema.check(record.key(), record.value());
    try {
      if (!checked.valid()) {
        throw new SerializationException(checked.problem());
      }
      V value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
      batch.add(
          new Incoming<>(record.topic(), record.partition(), record.offset(), record.key(), value));
    } catch (SerializationException e) {
      String where = record.topic() + "-" + record.partition() + "@" + record.offset();
      skipped.add(where + " (key " + record.key() + "): " + e.getMessage());
      LOG.warn("skipped record [{}]: not a valid event: {}", where, e.getMessage());
    }
  }

  private boolean done(Map<TopicPartition, Long> to) {
    for (TopicPartition partition : partitions) {
      if (consumer.position(partition) < to.getOrDefault(partition, 0L)) {
        return false;
      }
    }
    return true;
  }

  /** Stops fetching partitions that reached their end, so polls bring only what is still wanted. */
  private void pauseFinished(Map<TopicPartition, Long> to) {
    List<TopicPartition> finished = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      if (consumer.position(partition) >= to.getOrDefault(partition, 0L)) {
        finished.add(partition);
      }
    }
    consumer.pause(finished);
  }

  /**
   * How far {@code to} is ahead of {@code from}, in records (an upper bound on a compacted topic).
   */
  public static long distance(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
    long distance = 0;
    for (Map.Entry<TopicPartition, Long> entry : to.entrySet()) {
      distance += Math.max(0, entry.getValue() - from.getOrDefault(entry.getKey(), 0L));
    }
    return distance;
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}
