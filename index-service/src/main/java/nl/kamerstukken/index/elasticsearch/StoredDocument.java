package nl.kamerstukken.index.elasticsearch;

/**
 * What the documents index holds under one id right now (read in real time, before writing).
 *
 * @param id the search document's id (the storage key)
 * @param documentId the content stored there
 * @param qaCount how many Q&A documents it has (at positions 1..qaCount)
 * @param version its external version
 */
record StoredDocument(String id, String documentId, int qaCount, long version) {

  /** The part of the stored source that is read back. */
  record Source(String documentId, int qaCount) {}

  /** The storage key of a search document, read back to delete a Kamerstuk's documents. */
  record KeyOnly(String documentKey) {}
}
