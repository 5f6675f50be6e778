package nl.kamerstukken.index.config;

/**
 * Bounds of one bulk request and of retrying its items.
 *
 * @param maxActions most operations in one bulk request
 * @param maxBytes most bytes of operation bodies in one bulk request (a single larger operation
 *     goes alone)
 * @param maxItemAttempts how often items that failed with a retryable status are sent, before the
 *     whole batch is handed back to the worker for a later retry
 */
public record BulkLimits(int maxActions, long maxBytes, int maxItemAttempts) {

  public BulkLimits {
    if (maxActions < 1 || maxBytes < 1 || maxItemAttempts < 1) {
      throw new IllegalArgumentException(
          "bulk limits must be positive: " + maxActions + ", " + maxBytes + ", " + maxItemAttempts);
    }
  }
}
