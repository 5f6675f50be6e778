package nl.kamerstukken.ingest.source;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bucket's notifications (MinIO publishes them to a Kafka topic) as a trigger for an early
 * listing. The events are not read for their content: the listing decides what changed, so a lost
 * or doubled notification costs at most one poll interval. Hence no committed offsets: each start
 * reads from the end of the topic.
 */
public final class BucketEvents implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(BucketEvents.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final Runnable onChange;
  private volatile boolean running = true;

  /**
   * {@code consumerProperties}: the service's Kafka client settings (bootstrap, security); offsets
   * are not committed.
   */
  public BucketEvents(Properties consumerProperties, String topic, Runnable onChange) {
    Properties props = new Properties();
    props.putAll(consumerProperties);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
    this.onChange = onChange;
  }

  @Override
  public void run() {
    LOG.info("listing early on each notification on topic [{}]", topic);
    try {
      consumer.subscribe(List.of(topic));
      while (running) {
        if (!consumer.poll(Duration.ofSeconds(1)).isEmpty()) {
          onChange.run();
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

  /** Ends {@link #run()} (from another thread). */
  public void stop() {
    running = false;
    consumer.wakeup();
  }
}
