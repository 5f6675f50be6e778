package nl.kamerstukken.index.consume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.index.document.IndexedDocument;
import nl.kamerstukken.index.document.SearchDocuments;
import nl.kamerstukken.kit.kafka.Incoming;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.ReasonCode;

/**
 * What a batch of parsed-document events asks for, after collapsing what later events in the same
 * batch make moot: per document id only the last event counts (an event or a tombstone), and per
 * storage key only the newest version. The result has at most one document per document id and per
 * key.
 *
 * @param documents Kamerstukken to index, in batch order
 * @param tombstones document ids whose search documents must go
 * @param supersededInBatch events skipped because a later or newer one in the batch replaces them
 * @param unusable events that cannot be acted on (tombstone without key, document that cannot be
 *     mapped)
 */
record BatchPlan(
    List<Work> documents, List<String> tombstones, int supersededInBatch, List<Unusable> unusable) {

  /** One event and what it becomes in the indices. */
  record Work(Incoming<DocumentParsed> event, IndexedDocument indexed) {}

  /** An event the handler dead-letters, with the reason. */
  record Unusable(Incoming<DocumentParsed> event, ReasonCode reasonCode, String message) {}

  static BatchPlan of(List<Incoming<DocumentParsed>> batch) {
    List<Unusable> unusable = new ArrayList<>();
    Map<String, Incoming<DocumentParsed>> lastPerId = new LinkedHashMap<>();
    for (Incoming<DocumentParsed> event : batch) {
      String documentId = event.isTombstone() ? event.key() : event.value().documentId();
      if (documentId == null) {
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
                    + ": the key must be the document id to remove"));
        continue;
      }
      lastPerId.remove(documentId);
      lastPerId.put(documentId, event);
    }
    List<String> tombstones = new ArrayList<>();
    Map<String, Work> newestPerKey = new LinkedHashMap<>();
    for (Map.Entry<String, Incoming<DocumentParsed>> entry : lastPerId.entrySet()) {
      if (entry.getValue().isTombstone()) {
        tombstones.add(entry.getKey());
      } else {
        map(entry.getValue(), newestPerKey, unusable);
      }
    }
    int collapsed = batch.size() - unusable.size() - tombstones.size() - newestPerKey.size();
    return new BatchPlan(List.copyOf(newestPerKey.values()), tombstones, collapsed, unusable);
  }

  private static void map(
      Incoming<DocumentParsed> event, Map<String, Work> newestPerKey, List<Unusable> unusable) {
    IndexedDocument indexed;
    try {
      indexed = SearchDocuments.of(event.value());
    } catch (RuntimeException e) {
      unusable.add(
          new Unusable(
              event,
              ReasonCode.INDEX_UNMAPPABLE,
              "cannot turn document "
                  + event.value().documentId()
                  + " into search documents: "
                  + e));
      return;
    }
    Work current = newestPerKey.get(indexed.key());
    if (current == null || current.indexed().version() <= indexed.version()) {
      newestPerKey.put(indexed.key(), new Work(event, indexed));
    }
  }
}
