package nl.kamerstukken.cli.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.Topic;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The dead-letter topic as an operator sees it: every dead letter with its id ({@code
 * partition:offset}), and the re-drive mark. The mark is the committed offset of the consumer group
 * {@value #REDRIVE_GROUP} (after the topic prefix) per partition: {@code dlq retry --all} re-drives
 * the dead letters at or after the mark, then moves it to the end, so a second {@code --all}
 * re-drives nothing twice. Dead letters before the mark are "re-driven".
 */
public final class DeadLetterLog {

  /** The consumer group whose committed offsets mark what {@code dlq retry --all} has re-driven. */
  public static final String REDRIVE_GROUP = "kamerstukken-dlq-redrive";

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  /**
   * One dead letter where it lies on the topic.
   *
   * @param letter the dead letter; null when the record is not a readable dead letter
   */
  public record Entry(int partition, long offset, DeadLetter letter) {
    /** The id an operator passes to {@code dlq retry --id}. */
    public String id() {
      return partition + ":" + offset;
    }
  }

  private final String topic;
  private final List<Entry> entries;
  private final Map<TopicPartition, Long> ends;
  private final Map<TopicPartition, Long> marks;

  private DeadLetterLog(
      String topic,
      List<Entry> entries,
      Map<TopicPartition, Long> ends,
      Map<TopicPartition, Long> marks) {
    this.topic = topic;
    this.entries = List.copyOf(entries);
    this.ends = Map.copyOf(ends);
    this.marks = Map.copyOf(marks);
  }

  /** A log as read, for tests of what is chosen from it. */
  static DeadLetterLog of(
      String topic,
      List<Entry> entries,
      Map<TopicPartition, Long> ends,
      Map<TopicPartition, Long> marks) {
    return new DeadLetterLog(topic, entries, ends, marks);
  }

  /** Reads the whole dead-letter topic up to its current end, and the re-drive mark. */
  public static DeadLetterLog read(KafkaSettings settings) {
    Topic<String, DeadLetter> topic = settings.topic(Topics.DEAD_LETTER);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(consumerProperties(settings))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(), READ_TIMEOUT).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
      List<Entry> entries = new ArrayList<>();
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + topic.name() + " to its end within " + READ_TIMEOUT);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          entries.add(
              new Entry(record.partition(), record.offset(), decode(topic, record.value())));
        }
      }
      entries.sort(
          (a, b) ->
              a.partition() != b.partition()
                  ? Integer.compare(a.partition(), b.partition())
                  : Long.compare(a.offset(), b.offset()));
      return new DeadLetterLog(topic.name(), entries, ends, marks(consumer, partitions));
    }
  }

  private static DeadLetter decode(Topic<String, DeadLetter> topic, byte[] value) {
    try {
      return value == null
          ? null
          : topic.valueSerde().deserializer().deserialize(topic.name(), value);
    } catch (SerializationException e) {
      return null;
    }
  }

  private static Map<TopicPartition, Long> marks(
      KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> marks = new HashMap<>();
    consumer
        .committed(Set.copyOf(partitions), READ_TIMEOUT)
        .forEach((tp, committed) -> marks.put(tp, committed == null ? 0L : committed.offset()));
    return marks;
  }

  /**
   * Moves the mark to the end the log had when it was read: everything in it counts as re-driven.
   */
  public void markAllRedriven(KafkaSettings settings) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    ends.forEach((tp, end) -> offsets.put(tp, new OffsetAndMetadata(end, "dlq retry --all")));
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(consumerProperties(settings))) {
      consumer.assign(ends.keySet());
      consumer.commitSync(offsets, READ_TIMEOUT);
    }
  }

  public String topic() {
    return topic;
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * Whether {@code entry} lies at or after the re-drive mark (not re-driven by {@code --all} yet).
   */
  public boolean isOpen(Entry entry) {
    return entry.offset() >= marks.getOrDefault(new TopicPartition(topic, entry.partition()), 0L);
  }

  private static Properties consumerProperties(KafkaSettings settings) {
    Properties props = settings.consumer(REDRIVE_GROUP, 500);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "kamerstukken-dlq");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return props;
  }
}
