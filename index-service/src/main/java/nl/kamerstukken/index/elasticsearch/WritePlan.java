package nl.kamerstukken.index.elasticsearch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.kamerstukken.index.document.IndexedDocument;
import nl.kamerstukken.index.document.QaDoc;

/**
 * The bulk operations for a batch of Kamerstukken, given what is stored now.
 *
 * <p>Order matters for crash safety: first the Q&A documents and the removal of what the previous
 * version had beyond them ({@link #qaPhase}), then the document itself ({@link #documentPhase}).
 * The stored document says how many Q&A documents exist, so until the new document is written a
 * retry still knows which stale Q&A documents to remove.
 *
 * @param qaPhase Q&A writes, stale Q&A deletes, removal of a copy stored under the document id
 * @param documentPhase the documents themselves
 * @param superseded Kamerstukken skipped because a newer version is stored
 * @param replacing document id to the document id of the other content it replaces under the same
 *     key
 */
record WritePlan(
    List<BulkOp> qaPhase,
    List<BulkOp> documentPhase,
    List<IndexedDocument> superseded,
    Map<String, String> replacing) {

  static WritePlan of(
      List<IndexedDocument> documents,
      Map<String, StoredDocument> stored,
      Function<Object, byte[]> json) {
    List<BulkOp> qaPhase = new ArrayList<>();
    List<BulkOp> documentPhase = new ArrayList<>();
    List<IndexedDocument> superseded = new ArrayList<>();
    Map<String, String> replacing = new HashMap<>();
    for (IndexedDocument doc : documents) {
      StoredDocument previous = stored.get(doc.key());
      if (previous != null && previous.version() > doc.version()) {
        superseded.add(doc);
        continue;
      }
      qaOps(doc, previous, json, qaPhase);
      copyUnderDocumentId(doc, stored, qaPhase);
      if (previous != null && !previous.documentId().equals(doc.documentId())) {
        replacing.put(doc.documentId(), previous.documentId());
      }
      documentPhase.add(
          BulkOp.index(
              SearchIndex.DOCUMENTS,
              doc.key(),
              doc.version(),
              json.apply(doc.document()),
              doc.documentId()));
    }
    return new WritePlan(qaPhase, documentPhase, superseded, replacing);
  }

  /** Writes positions 1..n and deletes n+1..(what the stored version had). */
  private static void qaOps(
      IndexedDocument doc,
      StoredDocument previous,
      Function<Object, byte[]> json,
      List<BulkOp> ops) {
    for (QaDoc qa : doc.qa()) {
      ops.add(
          BulkOp.index(
              SearchIndex.QA,
              IndexedDocument.qaId(doc.key(), qa.position()),
              doc.version(),
              json.apply(qa),
              doc.documentId()));
    }
    int storedCount = previous == null ? 0 : previous.qaCount();
    for (int position = doc.qa().size() + 1; position <= storedCount; position++) {
      ops.add(
          BulkOp.delete(
              SearchIndex.QA,
              IndexedDocument.qaId(doc.key(), position),
              doc.version(),
              doc.documentId()));
    }
  }

  /**
   * The same content stored under its document id (parsed before its identifier was known) is
   * removed, so it is not found twice.
   */
  private static void copyUnderDocumentId(
      IndexedDocument doc, Map<String, StoredDocument> stored, List<BulkOp> ops) {
    StoredDocument copy = doc.key().equals(doc.documentId()) ? null : stored.get(doc.documentId());
    if (copy == null || !copy.documentId().equals(doc.documentId())) {
      return;
    }
    ops.add(BulkOp.delete(SearchIndex.DOCUMENTS, copy.id(), copy.version(), doc.documentId()));
    for (int position = 1; position <= copy.qaCount(); position++) {
      ops.add(
          BulkOp.delete(
              SearchIndex.QA,
              IndexedDocument.qaId(copy.id(), position),
              copy.version(),
              doc.documentId()));
    }
  }
}
