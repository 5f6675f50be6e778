package nl.kamerstukken.index.elasticsearch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Splits operations into bulk requests of at most {@code maxActions} operations and {@code
 * maxBytes} bytes, keeping their order. An operation larger than {@code maxBytes} on its own goes
 * alone in its request (Elasticsearch's own limit, {@code http.max_content_length}, is far higher
 * than our bound).
 */
final class BulkChunker {

  private BulkChunker() {}

  static <T> List<List<T>> split(
      List<T> items, ToLongFunction<T> bytes, int maxActions, long maxBytes) {
    List<List<T>> chunks = new ArrayList<>();
    List<T> current = new ArrayList<>();
    long currentBytes = 0;
    for (T item : items) {
      long size = bytes.applyAsLong(item);
      boolean full = current.size() >= maxActions || currentBytes + size > maxBytes;
      if (!current.isEmpty() && full) {
        chunks.add(current);
        current = new ArrayList<>();
        currentBytes = 0;
      }
      current.add(item);
      currentBytes += size;
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }
}
