package nl.kamerstukken.ingest.publish;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Topic;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes ingest's events and does not give up while Kafka is unavailable: every write is awaited
 * and retried with {@link Backoff} until the broker acknowledges it or the service stops. The
 * callers mark something as done (in the {@link Ledger}) only when a method here returned {@code
 * true}.
 */
public final class Announcer {

  private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);

  @FunctionalInterface
  private interface Write {
    void run() throws RetryableException;
  }

  private final EventPublisher publisher;
  private final Topic<String, DocumentReceived> received;
  private final DeadLetters deadLetters;
  private final Backoff backoff;
  private final Counter retries;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile String problem = "";

  public Announcer(
      EventPublisher publisher,
      Topic<String, DocumentReceived> received,
      DeadLetters deadLetters,
      Backoff backoff,
      Counter retries) {
    this.publisher = publisher;
    this.received = received;
    this.deadLetters = deadLetters;
    this.backoff = backoff;
    this.retries = retries;
  }

  /** Publishes the event keyed by its document id; false if the service stopped before the ack. */
  public boolean announce(DocumentReceived event) {
    return retrying(
        "announce " + event.documentId(),
        () -> publisher.publish(received, event.documentId(), event));
  }

  /** Publishes a tombstone for the content: downstream removes the document. */
  public boolean retract(String sha256) {
    return retrying("tombstone " + sha256, () -> publisher.publish(received, sha256, null));
  }

  /** Records on the dead-letter topic that a file was not ingested, with the reason. */
  public boolean deadLetter(
      String documentId, ReasonCode reasonCode, String message, Object subject) {
    return retrying(
        "dead letter " + reasonCode,
        () -> deadLetters.publish(documentId, reasonCode, message, 1, null, null, subject));
  }

  /** Stops waiting between retries; a write in progress is attempted once more at most. */
  public void stop() {
    stopped.countDown();
  }

  /** The last failure while retrying, "" when the last write went through. */
  public String problem() {
    return problem;
  }

  private boolean retrying(String what, Write write) {
    for (int attempt = 1; ; attempt++) {
      try {
        write.run();
        problem = "";
        return true;
      } catch (RetryableException | KafkaException e) {
        problem = what + " failed: " + e.getMessage();
        if (stopped.getCount() == 0) {
          LOG.warn(
              "stopping: [{}] not acknowledged ({}); it is done again at the next start",
              what,
              e.getMessage());
          return false;
        }
        Duration delay = backoff.delay(attempt);
        LOG.warn(
            "Kafka did not acknowledge [{}] (attempt {}): {}; retrying in [{}] ms",
            what,
            attempt,
            e.getMessage(),
            delay.toMillis());
        retries.increment();
        if (awaitStop(delay)) {
          return false;
        }
      }
    }
  }

  private boolean awaitStop(Duration delay) {
    try {
      return stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
