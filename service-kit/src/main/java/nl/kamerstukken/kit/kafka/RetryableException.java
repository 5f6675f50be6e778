package nl.kamerstukken.kit.kafka;

/**
 * A failure that is expected to pass (Kafka or Elasticsearch unavailable, 429, blob store hiccup):
 * the work is retried with backoff, never dropped.
 */
public class RetryableException extends Exception {

  public RetryableException(String message, Throwable cause) {
    super(message, cause);
  }

  public RetryableException(String message) {
    super(message);
  }
}
