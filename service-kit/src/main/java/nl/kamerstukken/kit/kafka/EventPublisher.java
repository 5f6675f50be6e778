package nl.kamerstukken.kit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.kamerstukken.model.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes events and makes sure they arrived: nothing is fire-and-forget. {@link #send} starts a
 * write; {@link #awaitAll} waits for a group of writes and turns any failure into a {@link
 * RetryableException}, so the caller does not commit what it consumed.
 */
public final class EventPublisher implements AutoCloseable {

  private final Producer<String, byte[]> producer;
  private final Duration timeout;

  public EventPublisher(Producer<String, byte[]> producer, Duration timeout) {
    this.producer = producer;
    this.timeout = timeout;
  }

  public static EventPublisher create(KafkaSettings settings) {
    return new EventPublisher(new KafkaProducer<>(settings.producer()), Duration.ofMinutes(2));
  }

  /** Starts writing {@code value} (null = tombstone) under {@code key}. */
  public <V> Future<RecordMetadata> send(Topic<String, V> topic, String key, V value) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    return producer.send(new ProducerRecord<>(topic.name(), key, bytes));
  }

  /** Writes one event and waits for the broker's acknowledgement. */
  public <V> RecordMetadata publish(Topic<String, V> topic, String key, V value)
      throws RetryableException {
    return awaitAll(List.of(send(topic, key, value))).get(0);
  }

  /** Waits until every write is acknowledged; the first failure aborts with a retryable error. */
  public List<RecordMetadata> awaitAll(List<Future<RecordMetadata>> writes)
      throws RetryableException {
    List<RecordMetadata> done = new ArrayList<>(writes.size());
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      for (Future<RecordMetadata> write : writes) {
        done.add(write.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
      return done;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableException("interrupted while waiting for Kafka to acknowledge", e);
    } catch (ExecutionException e) {
      throw new RetryableException(
          "Kafka did not accept an event: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new RetryableException("Kafka did not acknowledge within " + timeout, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
