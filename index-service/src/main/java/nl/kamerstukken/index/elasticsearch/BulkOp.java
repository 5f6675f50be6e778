package nl.kamerstukken.index.elasticsearch;

/**
 * One operation of a bulk request. Every write carries an external version ({@code external_gte}),
 * so a late, older event cannot overwrite a newer version and a re-delivery of the same event is
 * accepted.
 *
 * @param action index or delete
 * @param target the alias written to
 * @param id the search document's id
 * @param version external version
 * @param source the document as JSON (null for a delete)
 * @param documentId the Kamerstuk this operation is for (to report per Kamerstuk)
 */
record BulkOp(
    Action action, SearchIndex target, String id, long version, byte[] source, String documentId) {

  /** Bytes of the action line and its metadata, roughly: what a bulk request adds per operation. */
  private static final int ACTION_OVERHEAD = 160;

  enum Action {
    INDEX,
    DELETE
  }

  static BulkOp index(
      SearchIndex target, String id, long version, byte[] source, String documentId) {
    return new BulkOp(Action.INDEX, target, id, version, source, documentId);
  }

  static BulkOp delete(SearchIndex target, String id, long version, String documentId) {
    return new BulkOp(Action.DELETE, target, id, version, null, documentId);
  }

  /** What this operation adds to the size of a bulk request. */
  long bytes() {
    return ACTION_OVERHEAD + id.length() + (source == null ? 0 : source.length);
  }
}
