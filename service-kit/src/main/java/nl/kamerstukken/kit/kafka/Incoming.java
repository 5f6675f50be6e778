package nl.kamerstukken.kit.kafka;

/**
 * One consumed record whose value was read as the topic's event type. A {@code null} value is a
 * tombstone: the document {@code key} was removed.
 */
public record Incoming<V>(String topic, int partition, long offset, String key, V value) {

  public boolean isTombstone() {
    return value == null;
  }
}
