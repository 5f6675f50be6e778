package nl.kamerstukken.index.alert;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.schema.EventCheck;
import nl.kamerstukken.kit.schema.EventSchema;
import nl.kamerstukken.model.AlertSubscription;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.Topic;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every saved search, kept up to date from the compacted subscriptions topic: read from the
 * beginning by a consumer outside any group (every instance holds them all; nothing is committed),
 * then followed. {@link #awaitLoaded} blocks until what was on the topic at start is read, so
 * matching and delivery never run on a partial list. A record its schema refuses is skipped with a
 * warning. Run as a supervised loop; {@link #stop} ends it.
 */
public final class Subscriptions implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Backoff METADATA_BACKOFF =
      new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  private final Consumer<String, byte[]> consumer;
  private final Topic<String, AlertSubscription> topic;
  private final EventSchema schema;
  private final Map<String, AlertSubscription> byName = new ConcurrentHashMap<>();
  private final CountDownLatch loaded = new CountDownLatch(1);
  private volatile boolean running = true;

  Subscriptions(Consumer<String, byte[]> consumer, Topic<String, AlertSubscription> topic) {
    this.consumer = consumer;
    this.topic = topic;
    this.schema = EventSchema.of(topic);
  }

  public static Subscriptions create(KafkaSettings settings) {
    Properties props = settings.consumer("alert-subscriptions", 500);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return new Subscriptions(
        new KafkaConsumer<>(props), settings.topic(Topics.ALERT_SUBSCRIPTIONS));
  }

  /** The saved searches now, in no order. */
  public Collection<AlertSubscription> all() {
    return List.copyOf(byName.values());
  }

  public Optional<AlertSubscription> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Applies a change this instance just published, so a caller reads its own write before the loop
   * sees it.
   */
  void applied(String name, AlertSubscription subscription) {
    if (subscription == null) {
      byName.remove(name);
    } else {
      byName.put(name, subscription);
    }
  }

  /** Waits until the topic as it was at start has been read; false on timeout. */
  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isLoaded() {
    return loaded.getCount() == 0;
  }

  public void stop() {
    running = false;
    consumer.wakeup();
  }

  @Override
  public void run() {
    try {
      List<TopicPartition> partitions = partitions();
      if (partitions.isEmpty()) {
        return;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          apply(record);
        }
        if (loaded.getCount() > 0
            && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
          LOG.info("saved searches loaded: [{}]", byName.size());
          loaded.countDown();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * The topic's partitions; a topic created a moment ago may have none in the metadata yet, so it
   * is asked again until it has (or the loop is stopped: then empty).
   */
  private List<TopicPartition> partitions() {
    for (int attempt = 1; running; attempt++) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (!partitions.isEmpty()) {
        return partitions;
      }
      try {
        // the broker learns of a new topic within moments: back off (jittered, growing) meanwhile
        TimeUnit.MILLISECONDS.sleep(METADATA_BACKOFF.delay(attempt).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
    return List.of();
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      byName.remove(record.key());
      return;
    }
    EventCheck checked = schema.check(record.key(), record.value());
    if (!checked.valid()) {
      LOG.warn(
          "skipped saved search [{}] at offset [{}]: {}",
          record.key(),
          record.offset(),
          checked.problem());
      return;
    }
    try {
      byName.put(record.key(), Json.mapper().treeToValue(checked.event(), AlertSubscription.class));
    } catch (java.io.IOException | IllegalArgumentException e) {
      LOG.warn("skipped saved search [{}]: {}", record.key(), e.getMessage());
    }
  }
}
