package nl.kamerstukken.index.document;

import java.util.List;

/**
 * What one parsed Kamerstuk becomes in the search indices.
 *
 * <p>Id scheme: every search document of a Kamerstuk is stored under its {@link #key}, the
 * Kamerstuk key of assemble-service: the publisher's identifier (e.g. {@code kst-26643-1522}), else
 * the document id of its only file. The document itself has id {@code key}; its Q&A pairs {@code
 * key-qa-<position>}. So a re-delivery overwrites instead of duplicating, and a change of the
 * Kamerstuk (another representative, a file more or less) replaces it in place. {@link #version}
 * orders versions: it is written as an external version, so an older event that arrives late is
 * refused by Elasticsearch instead of overwriting the newer one.
 *
 * @param key the storage key (the Kamerstuk key)
 * @param version external version: the offset of the Kamerstuk's event
 * @param document the document itself
 * @param qa its question/answer pairs, positions 1..n
 */
public record IndexedDocument(String key, long version, DocumentDoc document, List<QaDoc> qa) {

  public IndexedDocument {
    qa = List.copyOf(qa);
  }

  public String documentId() {
    return document.shared().documentId();
  }

  /**
   * The id of the Q&A document at {@code position} (from 1) of the Kamerstuk stored under {@code
   * key}.
   */
  public static String qaId(String key, int position) {
    return key + "-qa-" + position;
  }
}
