package nl.kamerstukken.index.consume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.index.document.IndexedDocument;
import nl.kamerstukken.index.document.SearchDocuments;
import nl.kamerstukken.kit.kafka.Incoming;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.ReasonCode;

/**
 * What a batch of Kamerstuk events asks for, after collapsing what later events in the same batch
 * make moot: per Kamerstuk key only the last event counts (a Kamerstuk or a tombstone). The result
 * has at most one document per key.
 *
 * @param documents Kamerstukken to index, in batch order
 * @param tombstones Kamerstuk keys whose search documents must go, with the event's offset
 * @param supersededInBatch events skipped because a later one in the batch replaces them
 * @param unusable events that cannot be acted on (tombstone without key, a Kamerstuk that cannot be
 *     mapped)
 */
record BatchPlan(
    List<Work> documents,
    Map<String, Long> tombstones,
    int supersededInBatch,
    List<Unusable> unusable) {

  /** One event and what it becomes in the indices. */
  record Work(Incoming<Kamerstuk> event, IndexedDocument indexed) {}

  /** An event the handler dead-letters, with the reason. */
  record Unusable(Incoming<Kamerstuk> event, ReasonCode reasonCode, String message) {}

  static BatchPlan of(List<Incoming<Kamerstuk>> batch) {
    List<Unusable> unusable = new ArrayList<>();
    Map<String, Incoming<Kamerstuk>> lastPerKey = new LinkedHashMap<>();
    for (Incoming<Kamerstuk> event : batch) {
      String key = event.isTombstone() ? event.key() : event.value().key();
      if (key == null) {
        unusable.add(
            new Unusable(
                event,
                ReasonCode.INVALID_TOMBSTONE,
                "tombstone without a key at "
                    + event.topic()
                    + "/"
                    + event.partition()
                    + "@"
                    + event.offset()
                    + ": the key must be the Kamerstuk key to remove"));
        continue;
      }
      lastPerKey.remove(key);
      lastPerKey.put(key, event);
    }
    Map<String, Long> tombstones = new LinkedHashMap<>();
    List<Work> documents = new ArrayList<>();
    for (Map.Entry<String, Incoming<Kamerstuk>> entry : lastPerKey.entrySet()) {
      Incoming<Kamerstuk> event = entry.getValue();
      if (event.isTombstone()) {
        tombstones.put(entry.getKey(), event.offset());
      } else {
        map(event, documents, unusable);
      }
    }
    int collapsed = batch.size() - unusable.size() - tombstones.size() - documents.size();
    return new BatchPlan(documents, tombstones, collapsed, unusable);
  }

  private static void map(
      Incoming<Kamerstuk> event, List<Work> documents, List<Unusable> unusable) {
    try {
      documents.add(new Work(event, SearchDocuments.of(event.value(), event.offset())));
    } catch (RuntimeException e) {
      unusable.add(
          new Unusable(
              event,
              ReasonCode.INDEX_UNMAPPABLE,
              "cannot turn Kamerstuk " + event.value().key() + " into search documents: " + e));
    }
  }
}
