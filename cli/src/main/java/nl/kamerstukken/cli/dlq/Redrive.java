package nl.kamerstukken.cli.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Puts dead letters' original events back on their original topics, under their original keys, so
 * the stage that gave up tries again (only those {@link RedriveRules} let through) (redelivery is
 * harmless: every effect of the pipeline is idempotent). Every write is acknowledged before this
 * returns.
 */
final class Redrive implements AutoCloseable {

  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaProducer<String, byte[]> producer;

  Redrive(KafkaSettings settings) {
    this.producer = new KafkaProducer<>(settings.producer());
  }

  /** Publishes each letter's original event and waits for every acknowledgement. */
  void send(List<DeadLetter> letters) throws InterruptedException {
    List<Future<RecordMetadata>> writes = new ArrayList<>();
    for (DeadLetter letter : letters) {
      writes.add(
          producer.send(
              new ProducerRecord<>(letter.originalTopic(), letter.originalKey(), bytes(letter))));
    }
    long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
    for (Future<RecordMetadata> write : writes) {
      try {
        write.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException(
            "Kafka did not accept a re-driven event ("
                + e.getMessage()
                + "); nothing"
                + " is marked as re-driven, run the command again",
            e);
      }
    }
  }

  private static byte[] bytes(DeadLetter letter) {
    try {
      return Json.mapper().writeValueAsBytes(letter.originalEvent());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write the original event of " + letter.documentId(), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
